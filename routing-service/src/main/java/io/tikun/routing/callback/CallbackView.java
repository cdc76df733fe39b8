package io.tikun.routing.callback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.Severity;

/** A callback task as the service manager sees it: whom to call, about what, by when, and their history. */
public record CallbackView(
        UUID id,
        UUID caseId,
        String reference,
        Severity severity,
        CallbackState state,
        Customer customer,
        String summary,
        Instant dueAt,
        boolean overdue,
        int attempts,
        CallbackOutcome lastOutcome,
        UUID commitmentId,
        Instant createdAt,
        long version,
        List<Call> calls,
        List<PastCase> history) {

    public record Customer(String id, String name, String phone, String email) {
    }

    /** One call made and its outcome. */
    public record Call(CallbackOutcome outcome, String note, String by, Instant at) {
    }

    /** Another case of the same customer. */
    public record PastCase(UUID caseId, String reference, String subject, Severity severity, CaseStatus status,
            Instant openedAt, Instant resolvedAt) {
    }

    static CallbackView of(CallbackTask task, SupportCase c, List<CallbackAttempt> calls, List<SupportCase> customerCases,
            Instant now) {
        return new CallbackView(task.id, c.id, c.reference, c.severity, task.state,
                new Customer(c.customerId, task.customerName, task.customerPhone, c.customerEmail), task.summary,
                task.dueAt, task.state == CallbackState.OPEN && task.dueAt.isBefore(now), task.attempts, task.lastOutcome,
                task.commitmentId, task.createdAt, task.version,
                calls.stream().map(a -> new Call(a.outcome, a.note, a.recordedBy, a.recordedAt)).toList(),
                customerCases.stream().filter(other -> !other.id.equals(c.id))
                        .map(other -> new PastCase(other.id, other.reference, other.subject, other.severity, other.status,
                                other.openedAt, other.resolvedAt))
                        .toList());
    }

    /** The same task in a list: no calls or history. */
    static CallbackView summary(CallbackTask task, SupportCase c, Instant now) {
        return of(task, c, List.of(), List.of(), now);
    }
}
