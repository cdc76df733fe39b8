package io.tikun.routing.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tikun.routing.cases.MessageKind;
import io.tikun.routing.cases.SupportCase;

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

    /**
     * The request for a message of case {@code c} in the case's language: written by {@code by} (shown as
     * {@code byName}), or automatic when {@code by} is null; intake answers in the customer's thread (no subject).
     */
    public static CustomerMessageRequested of(SupportCase c, MessageKind kind, String messageId, String by, String byName,
            String text, Instant now) {
        boolean automatic = by == null;
        return new CustomerMessageRequested(messageId, c.complaintId, c.id, c.customerId, c.reference,
                CustomerMessageKind.of(kind), automatic, automatic ? null : new Author(by, byName == null ? by : byName),
                CustomerTexts.languageOf(c.language), null, text, List.of(), REQUESTED_BY, now);
    }

    /** The agent or manager who wrote it; null for automatic messages. */
    public record Author(String id, String name) {
    }

    public record Link(String label, String url) {
    }
}
