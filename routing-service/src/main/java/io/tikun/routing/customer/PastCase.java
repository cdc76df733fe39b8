package io.tikun.routing.customer;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.SupportCase;

/** One of the customer's other cases, as the panel shows it: when, how, about what, who handled it, solved or not. */
@TemplateData
public record PastCase(UUID id, String reference, Instant openedAt, String channel, String category, String subject,
        String handledBy, CaseStatus status, Instant resolvedAt) {

    public static PastCase of(SupportCase c) {
        String handledBy = c.assignee != null ? c.assignee : c.firstRespondedBy;
        return new PastCase(c.id, c.reference, c.openedAt, c.channel, c.category, c.subject, handledBy, c.status,
                c.resolvedAt);
    }

    public boolean solved() {
        return status == CaseStatus.RESOLVED;
    }
}
