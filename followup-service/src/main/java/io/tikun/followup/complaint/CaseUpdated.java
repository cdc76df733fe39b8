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
        String assignee,
        /** Required by the schema; null only in a change kept from before its complaint arrived. */
        CaseLevel level,
        /** Routing's category of the case, when it sends one (optional, newer routing). */
        String category,
        /** Why it happened, on resolved (optional). */
        String rootCause,
        /** The catalogue product, when known (optional). */
        String productId,
        /** Whether the first response met its SLA, once known (optional). */
        Boolean firstResponseWithinSla) {

    public boolean callbackScheduled() {
        return change == CaseChange.CALLBACK_SCHEDULED;
    }

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
