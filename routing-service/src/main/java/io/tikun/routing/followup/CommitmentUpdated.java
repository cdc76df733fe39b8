package io.tikun.routing.followup;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Routing's reading of follow-up's {@code commitments.updated} event (contract:
 * followup-service/src/main/resources/contracts/commitments.updated.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentUpdated(UUID commitmentId, UUID caseId, String reference, String change, String status,
        String actor, String reason, Instant dueAt, Instant occurredAt) {

    /** Changes that mean a promise to the customer is not being kept: the case goes up the ladder. */
    static final Set<String> ESCALATING = Set.of("overdue", "disputed", "broken");

    boolean escalates() {
        return ESCALATING.contains(change);
    }

    void requireComplete() {
        if (commitmentId == null || caseId == null || change == null) {
            throw new IllegalArgumentException("commitments.updated event lacks required fields");
        }
    }
}
