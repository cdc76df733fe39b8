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
 * @param damage how the delivery was damaged in transit when the complaint holds only what could be read; else null
 * @param filedBy the authenticated channel client that delivered it (it may read it back); null when none did
 * @param attachments the files attached to an e-mail (name, type, size, SHA-256); else empty
 */
public record IncomingComplaint(String channel, String dedupKey, String fingerprint, CustomerIdentity customer,
        String subject, String body, boolean publicPost, Long reach, String conversationId, Instant sentAt,
        List<String> recipients, String damage, String filedBy, List<Attachment> attachments) {

    public IncomingComplaint {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A delivery without attachments (web, social). */
    public IncomingComplaint(String channel, String dedupKey, String fingerprint, CustomerIdentity customer,
            String subject, String body, boolean publicPost, Long reach, String conversationId, Instant sentAt,
            List<String> recipients, String damage, String filedBy) {
        this(channel, dedupKey, fingerprint, customer, subject, body, publicPost, reach, conversationId, sentAt,
                recipients, damage, filedBy, List.of());
    }

    /** An intact complaint not filed by an authenticated channel client. */
    public IncomingComplaint(String channel, String dedupKey, String fingerprint, CustomerIdentity customer,
            String subject, String body, boolean publicPost, Long reach, String conversationId, Instant sentAt,
            List<String> recipients) {
        this(channel, dedupKey, fingerprint, customer, subject, body, publicPost, reach, conversationId, sentAt,
                recipients, null, null);
    }

    /** A complaint from a channel without recipients of its own (web, social). */
    public IncomingComplaint(String channel, String dedupKey, String fingerprint, CustomerIdentity customer,
            String subject, String body, boolean publicPost, Long reach, String conversationId, Instant sentAt) {
        this(channel, dedupKey, fingerprint, customer, subject, body, publicPost, reach, conversationId, sentAt, List.of());
    }

    /**
     * The same delivery under a key of its own content: a provider id reused for another message (broken mailers,
     * list software) must not make that message a "re-delivery" of the first one, and a repeat of it must find it.
     */
    public IncomingComplaint underContentKey() {
        return withDedupKey(dedupKey + "#" + fingerprint);
    }

    public IncomingComplaint withDedupKey(String key) {
        return new IncomingComplaint(channel, key, fingerprint, customer, subject, body, publicPost, reach,
                conversationId, sentAt, recipients, damage, filedBy, attachments);
    }

    public IncomingComplaint filedBy(String client) {
        return new IncomingComplaint(channel, dedupKey, fingerprint, customer, subject, body, publicPost, reach,
                conversationId, sentAt, recipients, damage, client, attachments);
    }

    /** Keys under which later messages find this complaint's thread: the conversation, when the channel has one. */
    public List<String> threadKeys() {
        return conversationId == null ? List.of() : List.of(conversationId);
    }
}
