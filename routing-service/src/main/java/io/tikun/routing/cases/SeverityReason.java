package io.tikun.routing.cases;

import io.tikun.routing.escalation.Severity;

/**
 * One reason intake gave for a complaint's severity, kept on the case as given: the signal's name (intake's, which
 * routing may not know yet), the severity it implies, and the words of the complaint that showed it (null when none).
 */
public record SeverityReason(String signal, Severity implies, String evidence) {
}
