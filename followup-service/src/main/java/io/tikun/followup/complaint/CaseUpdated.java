package io.tikun.followup.complaint;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Follow-up's reading of routing's {@code cases.updated} event (contract:
 * routing-service/src/main/resources/contracts/cases.updated.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseUpdated(
        UUID caseId,
        String complaintId,
        String reference,
        String customerId,
        CaseChange change,
        CaseStatus status,
        String reason,
        Instant occurredAt,
        /** The agent holding the case after the change; null while nobody does. */
        String assignee) {

    public boolean resolved() {
        return change == CaseChange.RESOLVED;
    }

    /** Fields follow-up cannot apply the event without; a message lacking them is dead-lettered. */
    public void requireComplete() {
        if (caseId == null || complaintId == null || customerId == null || change == null || status == null
                || occurredAt == null) {
            throw new IllegalArgumentException("cases.updated event lacks required fields");
        }
    }
}
