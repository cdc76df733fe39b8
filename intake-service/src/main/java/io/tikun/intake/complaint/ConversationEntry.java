package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.List;

/**
 * One message of a complaint's conversation as the API shows it.
 *
 * @param direction INBOUND: the customer wrote it; OUTBOUND: Tikun sent it (or is sending it) to the customer
 * @param kind for INBOUND: COMPLAINT (the first message) or MESSAGE (a further one); for OUTBOUND the requested kind
 *        (AGENT_REPLY, EXPECTATION_SUMMARY, …)
 * @param author who wrote it: the customer's name inbound, the agent's name outbound (null for automatic messages)
 * @param status for OUTBOUND: PENDING, SENT, DELIVERED or FAILED; null for INBOUND
 * @param reason for a FAILED (or retried) OUTBOUND message: why
 * @param messageId the requester's messageId for OUTBOUND; intake's id of a further INBOUND message
 * @param attachments what the customer attached (name, type, size, SHA-256); empty outbound
 */
public record ConversationEntry(Direction direction, String kind, String author, String channel, String text,
        String status, String reason, Instant at, String messageId, List<Attachment> attachments) {

    /** Who wrote a message of the conversation. */
    public enum Direction {
        INBOUND,
        OUTBOUND
    }
}
