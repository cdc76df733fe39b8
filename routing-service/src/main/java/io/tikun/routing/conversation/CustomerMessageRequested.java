package io.tikun.routing.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code customer.messages.requested}: routing asks intake to deliver a message to the customer (contract, owned by
 * intake: intake-service/src/main/resources/contracts/customer.messages.requested.schema.json).
 */
public record CustomerMessageRequested(
        String messageId,
        String complaintId,
        UUID caseId,
        String customerId,
        String reference,
        CustomerMessageKind kind,
        boolean automatic,
        Author author,
        String language,
        String subject,
        String text,
        List<Link> links,
        String requestedBy,
        Instant requestedAt) {

    public static final String TOPIC = "customer.messages.requested";
    public static final String TYPE = "tikun.customer-message.requested";
    public static final String REQUESTED_BY = "routing-service";

    /** The agent or manager who wrote it; null for automatic messages. */
    public record Author(String id, String name) {
    }

    public record Link(String label, String url) {
    }
}
