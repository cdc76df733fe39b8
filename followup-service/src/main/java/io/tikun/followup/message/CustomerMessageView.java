package io.tikun.followup.message;

import java.time.Instant;

/**
 * A message requested for a promise's customer and what intake reported about it, as
 * {@code GET /api/v1/commitments/{id}/customer-messages} shows it.
 *
 * @param status {@code REQUESTED} until intake reports, then {@code SENT}, {@code DELIVERED} or {@code FAILED}
 * @param reason why it failed; null otherwise
 */
public record CustomerMessageView(
        String messageId,
        CustomerMessageKind kind,
        String language,
        String subject,
        Instant requestedAt,
        String status,
        String channel,
        String reason,
        String providerMessageId,
        Integer attempts,
        Instant statusAt) {

    public static CustomerMessageView of(CustomerMessage m) {
        return new CustomerMessageView(m.messageId, m.kind, m.language, m.subject, m.requestedAt, m.status, m.channel,
                m.reason, m.providerMessageId, m.attempts, m.statusAt);
    }
}
