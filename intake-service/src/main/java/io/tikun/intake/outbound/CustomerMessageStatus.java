package io.tikun.intake.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code customer.messages.status}, ce_type {@code tikun.customer-message.status}: what became of a requested customer
 * message. Contract: {@code contracts/customer.messages.status.schema.json}; key = customer id.
 *
 * @param channel the channel it went out on (email, meta, x, webhook); null when the complaint is unknown
 */
public record CustomerMessageStatus(String messageId, String complaintId, String caseId, String customerId,
        String reference, CustomerMessageKind kind, String requestedBy, String channel, Status status, String reason,
        String providerMessageId, int attempts, Instant at) {

    public static final String TYPE = "tikun.customer-message.status";
    public static final String TOPIC = "customer.messages.status";

    /** A state the message reached. */
    public enum Status {
        /** The provider accepted it. */
        SENT,
        /** The network reported delivery. */
        DELIVERED,
        /** Given up; see the reason. */
        FAILED
    }

    /**
     * The CloudEvent id of the event announcing that {@code messageId} reached {@code status}: the same on every
     * attempt to publish it, so a second publication is a duplicate consumers recognize.
     */
    public static String eventId(String messageId, Status status) {
        return UUID.nameUUIDFromBytes(("customer-message-status\n" + messageId + "\n" + status)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
