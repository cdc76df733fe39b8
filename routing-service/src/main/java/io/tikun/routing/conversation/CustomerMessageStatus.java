package io.tikun.routing.conversation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.tikun.routing.cases.DeliveryStatus;

/**
 * Routing's reading of intake's {@code customer.messages.status} (contract:
 * intake-service/src/main/resources/contracts/customer.messages.status.schema.json): what became of a message
 * routing or follow-up asked intake to deliver.
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
        String channel,
        DeliveryStatus status,
        String reason,
        String providerMessageId,
        Integer attempts,
        Instant at) {

    public static final String TYPE = "tikun.customer-message.status";

    /** Whether routing asked for the message (follow-up's are none of its business). */
    public boolean requestedByRouting() {
        return CustomerMessageRequested.REQUESTED_BY.equals(requestedBy);
    }

    /** Fields routing cannot work without; a message lacking them goes to the dead-letter topic. */
    public void requireComplete() {
        if (messageId == null || kind == null || requestedBy == null || channel == null || status == null || at == null) {
            throw new IllegalArgumentException("customer.messages.status event lacks required fields");
        }
        if (status == DeliveryStatus.REQUESTED) {
            throw new IllegalArgumentException("REQUESTED is not a delivery outcome");
        }
    }
}
