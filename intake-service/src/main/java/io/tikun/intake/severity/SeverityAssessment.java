package io.tikun.intake.severity;

import java.util.List;

/** The judged severity of a complaint together with every reason that led to it. */
public record SeverityAssessment(Severity severity, List<SeverityReason> reasons) {
}
