package io.tikun.routing.cases;

import java.time.Instant;
import java.util.UUID;

import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/** A case as a queue shows it. */
public record CaseSummary(
        UUID id,
        String complaintId,
        String reference,
        CaseView.Customer customer,
        String channel,
        String subject,
        Severity severity,
        EscalationLevel level,
        CaseStatus status,
        String assignee,
        Instant receivedAt,
        Instant firstResponseDueAt,
        Instant firstRespondedAt,
        boolean firstResponseOverdue,
        Instant escalationDueAt,
        Instant callbackDueAt,
        long version) {

    static CaseSummary of(SupportCase c, Instant now) {
        return new CaseSummary(c.id, c.complaintId, c.reference,
                new CaseView.Customer(c.customerId, c.customerName, c.customerEmail, c.customerPhone), c.channel,
                c.subject, c.severity, c.level, c.status, c.assignee, c.receivedAt, c.firstResponseDueAt,
                c.firstRespondedAt, c.firstRespondedAt == null && c.firstResponseDueAt.isBefore(now), c.escalationDueAt,
                c.callbackDueAt, c.version);
    }
}
