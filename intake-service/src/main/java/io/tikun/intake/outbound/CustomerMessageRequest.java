package io.tikun.intake.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code customer.messages.requested}, ce_type {@code tikun.customer-message.requested}: routing or follow-up asks intake
 * to deliver a message to a complaint's customer. Contract: {@code contracts/customer.messages.requested.schema.json}.
 */
public record CustomerMessageRequest(String messageId, String complaintId, String caseId, String customerId,
        String reference, CustomerMessageKind kind, Boolean automatic, Author author, String language, String subject,
        String text, List<OutboundMessage.Link> links, String requestedBy, Instant requestedAt) {

    public static final String TYPE = "tikun.customer-message.requested";
    public static final String TOPIC = "customer.messages.requested";
    static final Set<String> LANGUAGES = Set.of("he", "en", "ar", "ru");
    static final Set<String> REQUESTERS = Set.of("routing-service", "followup-service");
    private static final int MAX_MESSAGE_ID = 200;
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_TEXT = 20000;

    /** The agent or manager who wrote it. */
    public record Author(String id, String name) {
    }

    public List<OutboundMessage.Link> links() {
        return links == null ? List.of() : links;
    }

    /** What the contract requires of a request and this one lacks; empty when it is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(messageId) || messageId.length() > MAX_MESSAGE_ID) {
            problems.add("messageId must have 1 to " + MAX_MESSAGE_ID + " characters");
        }
        requireText(problems, complaintId, "complaintId");
        requireText(problems, customerId, "customerId");
        requireText(problems, reference, "reference");
        if (kind == null) {
            problems.add("kind is missing");
        }
        if (automatic == null) {
            problems.add("automatic is missing");
        }
        if (language == null || !LANGUAGES.contains(language)) {
            problems.add("language must be one of " + LANGUAGES);
        }
        if (subject != null && subject.length() > MAX_SUBJECT) {
            problems.add("subject has more than " + MAX_SUBJECT + " characters");
        }
        if (blank(text) || text.length() > MAX_TEXT) {
            problems.add("text must have 1 to " + MAX_TEXT + " characters");
        }
        if (links().stream().anyMatch(l -> l == null || blank(l.label()) || blank(l.url()))) {
            problems.add("every link needs a label and a url");
        }
        if (requestedBy == null || !REQUESTERS.contains(requestedBy)) {
            problems.add("requestedBy must be one of " + REQUESTERS);
        }
        if (requestedAt == null) {
            problems.add("requestedAt is missing");
        }
        return problems;
    }

    private static void requireText(List<String> problems, String value, String field) {
        if (blank(value)) {
            problems.add(field + " is missing");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
