package io.tikun.intake.timeline;

import java.time.Instant;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.severity.Severity;

/**
 * One event in a customer's history: a complaint or a further message they sent, or what routing
 * and follow-up did about it (a case opened or escalated, a commitment made due or kept).
 *
 * @param change for CASE and COMMITMENT: the producer's change, e.g. {@code escalated}, {@code claimed-done}
 * @param status for CASE and COMMITMENT: the case's or commitment's status after the change
 * @param actor who made a commitment change, when the producer names one
 * @param dueAt when a commitment is due
 * @param classification for COMPLAINT: what it is about (product, category, order numbers)
 */
public record TimelineEntry(Kind kind, Instant at, String channel, String complaintId, String reference, String subject,
        String text, Severity severity, String change, String status, String actor, Instant dueAt,
        Classification classification) {

    /** An entry that classifies nothing: every kind but COMPLAINT. */
    public TimelineEntry(Kind kind, Instant at, String channel, String complaintId, String reference, String subject,
            String text, Severity severity, String change, String status, String actor, Instant dueAt) {
        this(kind, at, channel, complaintId, reference, subject, text, severity, change, status, actor, dueAt, null);
    }

    /** Where the entry comes from. */
    public enum Kind {
        /** A complaint opened. */
        COMPLAINT,
        /** A further message on a complaint. */
        MESSAGE,
        /** A change of the complaint's case in routing ({@code cases.updated}). */
        CASE,
        /** A change of a promised fix in follow-up ({@code commitments.updated}). */
        COMMITMENT,
        /** A message Tikun sent the customer (or failed to): change = its kind, status = SENT or FAILED. */
        OUTBOUND
    }

    static TimelineEntry contact(Kind kind, Instant at, String channel, String complaintId, String reference,
            String subject, String text, Severity severity) {
        return new TimelineEntry(kind, at, channel, complaintId, reference, subject, text, severity, null, null, null,
                null);
    }
}
