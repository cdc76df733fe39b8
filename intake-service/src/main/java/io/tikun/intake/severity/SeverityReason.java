package io.tikun.intake.severity;

/** One explainable signal behind a severity: which rule fired, what it implies, and the evidence. */
public record SeverityReason(String signal, Severity implies, String evidence) {
}
