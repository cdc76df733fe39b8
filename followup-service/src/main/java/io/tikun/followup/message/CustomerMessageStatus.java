package io.tikun.followup.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Follow-up's reading of intake's {@code customer.messages.status} (contract:
 * intake-service/src/main/resources/contracts/customer.messages.status.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerMessageStatus(
        String messageId,
        String complaintId,
        String caseId,
        String customerId,
        String reference,
        CustomerMessageKind kind,
        String requestedBy,
        Channel channel,
        DeliveryStatus status,
        String reason,
        String providerMessageId,
        Integer attempts,
        Instant at) {

    /** The channel intake used; the wire names are lower case. */
    public enum Channel {
        email,
        meta,
        x,
        webhook
    }

    /** What intake reports; a later state of one message never goes back to an earlier one. */
    public enum DeliveryStatus {
        SENT,
        DELIVERED,
        FAILED
    }

    public boolean requestedByFollowup() {
        return CustomerMessageRequested.REQUESTED_BY.equals(requestedBy);
    }

    /** Fields follow-up cannot apply the event without; a message lacking them is dead-lettered. */
    public void requireComplete() {
        if (messageId == null || requestedBy == null || status == null || at == null) {
            throw new IllegalArgumentException("customer.messages.status event lacks required fields");
        }
    }
}
