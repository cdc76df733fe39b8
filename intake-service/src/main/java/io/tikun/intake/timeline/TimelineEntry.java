package io.tikun.intake.timeline;

import java.time.Instant;

import io.tikun.intake.severity.Severity;

/** One thing the customer told us, on any channel: a complaint, or a further message on one. */
public record TimelineEntry(Kind kind, Instant at, String channel, String complaintId, String reference, String subject,
        String text, Severity severity) {

    /** A complaint opened, or a message added to one. */
    public enum Kind {
        COMPLAINT,
        MESSAGE
    }
}
