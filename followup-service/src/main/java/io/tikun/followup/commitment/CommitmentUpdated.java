package io.tikun.followup.commitment;

import java.time.Instant;
import java.util.UUID;

import io.tikun.followup.lifecycle.PublishedChange;

/**
 * {@code commitments.updated}: a commitment changed status (contract:
 * {@code contracts/commitments.updated.schema.json}).
 *
 * @param change the {@link PublishedChange#wireName()} of the transition, e.g. {@code claimed-done}
 * @param actor who caused it: a user name, {@code customer}, or the scheduler
 * @param reason the owner's note, the customer's comment or why time moved it
 */
public record CommitmentUpdated(
        UUID commitmentId,
        UUID caseId,
        String complaintId,
        String reference,
        String customerId,
        String change,
        CommitmentStatus status,
        String actor,
        String reason,
        Instant dueAt,
        Instant occurredAt) {

    public static final String TOPIC = PublishedChange.TOPIC;
    private static final String TYPE_PREFIX = "tikun.commitment.";

    /** The CloudEvent type, {@code tikun.commitment.<change>}. */
    public String type() {
        return TYPE_PREFIX + change;
    }
}
