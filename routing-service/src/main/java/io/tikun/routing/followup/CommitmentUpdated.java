package io.tikun.routing.followup;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Routing's reading of follow-up's {@code commitments.updated} event (contract:
 * followup-service/src/main/resources/contracts/commitments.updated.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentUpdated(UUID commitmentId, UUID caseId, String reference, CommitmentChange change,
        CommitmentStatus status, String actor, String reason, Instant dueAt, Instant occurredAt) {

    boolean escalates() {
        return change.escalates();
    }

    void requireComplete() {
        if (commitmentId == null || caseId == null || change == null) {
            throw new IllegalArgumentException("commitments.updated event lacks required fields");
        }
    }
}
