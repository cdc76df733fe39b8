package io.tikun.routing.cases;

import java.time.Instant;
import java.util.UUID;

import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/**
 * {@code cases.updated}: something happened to a case (contract:
 * {@code contracts/cases.updated.schema.json}); ce_type is {@code tikun.case.<change>}.
 */
public record CaseUpdated(
        UUID caseId,
        String complaintId,
        String reference,
        String customerId,
        String change,
        Severity severity,
        EscalationLevel level,
        CaseStatus status,
        String reason,
        Instant occurredAt) {

    public static final String TOPIC = "cases.updated";
    public static final String OPENED = "opened";

    public String type() {
        return "tikun.case." + change;
    }
}
