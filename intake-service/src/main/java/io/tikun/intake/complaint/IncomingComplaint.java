package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.List;

import io.tikun.intake.customer.CustomerIdentity;

/**
 * A complaint as any channel hands it over, before intake resolves the customer and judges it.
 *
 * @param channel web, email, meta, x, or webhook for networks posting in the generic format
 * @param dedupKey identifies the delivery: the provider's message id, or the client's idempotency key
 * @param fingerprint digest of the content, to tell a true re-delivery from a reused key
 * @param reach audience size of a public post when the network gives it, else null
 * @param recipients addresses an e-mail was sent to (To and Cc), for the chief-executive signal; else empty
 */
public record IncomingComplaint(String channel, String dedupKey, String fingerprint, CustomerIdentity customer,
        String subject, String body, boolean publicPost, Long reach, String conversationId, Instant sentAt,
        List<String> recipients) {

    public IncomingComplaint {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A complaint from a channel without recipients of its own (web, social). */
    public IncomingComplaint(String channel, String dedupKey, String fingerprint, CustomerIdentity customer,
            String subject, String body, boolean publicPost, Long reach, String conversationId, Instant sentAt) {
        this(channel, dedupKey, fingerprint, customer, subject, body, publicPost, reach, conversationId, sentAt, List.of());
    }

    /** Keys under which later messages find this complaint's thread: the conversation, when the channel has one. */
    public List<String> threadKeys() {
        return conversationId == null ? List.of() : List.of(conversationId);
    }
}
