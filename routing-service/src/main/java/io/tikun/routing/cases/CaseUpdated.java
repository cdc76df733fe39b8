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
        String assignee,
        String customerMessage,
        Instant callbackDueAt,
        Instant occurredAt,
        /** The case's category: the classifier's, or from resolution on the agent's; null when it has none. */
        String category,
        /** The root cause the agent named; only on {@code resolved}, null otherwise. */
        String rootCause,
        /** Intake's catalogue product the complaint names; null when none. */
        String productId,
        /** Whether the first response came by its deadline; null while there was none. */
        Boolean firstResponseWithinSla) {

    public static final String TOPIC = "cases.updated";
    public static final String OPENED = "opened";
    public static final String ESCALATED = "escalated";
    public static final String RESPONDED = "responded";
    public static final String RESOLVED = "resolved";
    public static final String REOPENED = "reopened";
    public static final String CALLBACK_SCHEDULED = "callback-scheduled";

    /** The event for a change of {@code c}, as it stands after the change. */
    public static CaseUpdated of(SupportCase c, String change, String reason, String customerMessage, Instant at) {
        return new CaseUpdated(c.id, c.complaintId, c.reference, c.customerId, change, c.severity, c.level, c.status,
                reason, c.assignee, customerMessage, c.callbackDueAt, at, c.category,
                RESOLVED.equals(change) ? c.rootCause : null, c.productId, c.firstResponseWithinSla());
    }

    public String type() {
        return "tikun.case." + change;
    }
}
