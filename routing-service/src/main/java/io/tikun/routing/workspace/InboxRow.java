package io.tikun.routing.workspace;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/** One case in the inbox, with the countdown to its next deadline. */
@TemplateData
public record InboxRow(UUID id, String reference, String customerName, String subject, String channel, Severity severity,
        EscalationLevel level, CaseStatus status, String assignee, SlaCountdown countdown, long version) {

    static InboxRow of(SupportCase c, Instant now, double amberBelow) {
        return new InboxRow(c.id, c.reference, c.customerName, c.subject, c.channel, c.severity, c.level, c.status,
                c.assignee, nextDeadline(c.status, c.receivedAt, c.firstResponseDueAt, c.firstRespondedAt,
                        c.resolutionDueAt, now, amberBelow),
                c.version);
    }

    /**
     * The countdown that matters next: the first response while none was given, then the resolution; none while the
     * case waits on the customer (its clocks stand still) or is resolved.
     */
    static SlaCountdown nextDeadline(CaseStatus status, Instant receivedAt, Instant firstResponseDue, Instant respondedAt,
            Instant resolutionDue, Instant now, double amberBelow) {
        if (status == CaseStatus.RESOLVED || status == CaseStatus.WAITING_ON_CUSTOMER) {
            return SlaCountdown.stopped();
        }
        if (respondedAt == null) {
            return SlaCountdown.of(receivedAt, firstResponseDue, now, amberBelow);
        }
        return resolutionDue == null ? SlaCountdown.stopped() : SlaCountdown.of(receivedAt, resolutionDue, now, amberBelow);
    }
}
