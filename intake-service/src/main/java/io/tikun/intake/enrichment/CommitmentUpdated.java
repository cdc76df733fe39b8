package io.tikun.intake.enrichment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.tikun.intake.timeline.TimelineEntry;

/** {@code commitments.updated} as intake reads it (producer: followup-service, contracts/commitments.updated.*). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentUpdated(String commitmentId, String caseId, String complaintId, String reference,
        String customerId, String change, String status, String actor, String reason, Instant dueAt,
        Instant occurredAt) {

    public static final String TOPIC = "commitments.updated";

    void requireComplete() {
        EventFields.require("customerId", customerId);
        EventFields.require("complaintId", complaintId);
        EventFields.require("change", change);
        EventFields.require("occurredAt", occurredAt);
    }

    TimelineEntry toEntry() {
        return new TimelineEntry(TimelineEntry.Kind.COMMITMENT, occurredAt, null, complaintId, reference, null, reason,
                null, change, status, actor, dueAt);
    }
}
