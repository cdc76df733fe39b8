package io.tikun.routing.sla;

import java.time.Instant;

/** The two promises a new case carries: when the customer hears from us, and when it is resolved. */
public record SlaDeadlines(Instant firstResponseDue, Instant resolutionDue) {
}
