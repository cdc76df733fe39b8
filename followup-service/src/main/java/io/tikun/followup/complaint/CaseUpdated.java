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
        String change,
        String status,
        String reason,
        Instant occurredAt) {

    /** The change that closes a case. */
    public static final String RESOLVED = "resolved";

    public boolean resolved() {
        return RESOLVED.equals(change);
    }

    /** Fields follow-up cannot apply the event without; a message lacking them is dead-lettered. */
    public void requireComplete() {
        if (caseId == null || complaintId == null || customerId == null || change == null || status == null
                || occurredAt == null) {
            throw new IllegalArgumentException("cases.updated event lacks required fields");
        }
    }
}
