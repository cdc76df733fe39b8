package io.tikun.intake.outbound;

import java.util.List;

/**
 * One customer message ready for a {@link ChannelSender}: the requester's words and where they go.
 *
 * @param messageId the requester's stable id; senders derive provider idempotency keys and Message-IDs from it
 * @param language he, en, ar or ru (he and ar are right to left)
 * @param subject the requester's subject, or null to answer in the customer's thread
 * @param text the substance, plain text, paragraphs separated by blank lines
 * @param publicNotice for a public post only: the short answer that may be posted publicly (the reference and an
 *        invitation to continue privately, no personal data); null otherwise
 * @param attempt 1 for the first attempt
 */
public record OutboundMessage(String messageId, String complaintId, String caseId, String customerId, String reference,
        CustomerMessageKind kind, boolean automatic, String authorName, String language, String subject, String text,
        List<Link> links, String publicNotice, Destination destination, int attempt) {

    /** A link the customer acts on (verification, survey). */
    public record Link(String label, String url) {
    }
}
