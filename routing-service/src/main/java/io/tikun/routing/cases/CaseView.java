package io.tikun.routing.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.EscalationReason;
import io.tikun.routing.escalation.EscalationStep;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.intake.Attachment;
import io.tikun.routing.notification.Notification;

/** A case as agents and managers see it, with its ladder history and the alerts it caused. */
public record CaseView(
        UUID id,
        String complaintId,
        String reference,
        Customer customer,
        String channel,
        String subject,
        String summary,
        Severity severity,
        List<SeverityReason> severityReasons,
        EscalationLevel level,
        CaseStatus status,
        String language,
        String category,
        String classifiedCategory,
        String rootCause,
        String productId,
        List<String> orderNumbers,
        String assignee,
        Instant receivedAt,
        Instant openedAt,
        Instant firstResponseDueAt,
        Instant firstRespondedAt,
        String firstRespondedBy,
        Instant escalationDueAt,
        Instant callbackDueAt,
        Instant waitingSince,
        Instant resolutionDueAt,
        Instant replyDueAt,
        Instant resolvedAt,
        String resolution,
        Instant updatedAt,
        long version,
        List<Step> escalations,
        List<Alert> notifications,
        List<Message> messages,
        List<Resolution> resolutions) {

    /** One resolution: the category the agent kept or chose over the classifier's, the root cause, who and when. */
    public record Resolution(int number, String classifiedCategory, String category, boolean corrected, String rootCause,
            String resolvedBy, Instant resolvedAt) {
    }

    public record Customer(String id, String name, String email, String phone) {
    }

    public record Step(EscalationLevel from, EscalationLevel to, EscalationReason reasonCode, String reason, Instant at) {
    }

    /**
     * A message of the conversation, the complaint first: which way it went, what it is, on which channel, who wrote
     * it, when, and for a message routing asked intake to deliver its delivery status ({@code REQUESTED},
     * {@code SENT}, {@code DELIVERED}, {@code FAILED} with the reason; null for the others), and for a message sent
     * again after a failure the links between the failed one and its replacement; and the files the customer attached
     * (metadata only, empty when none).
     */
    public record Message(UUID id, MessageDirection direction, MessageKind kind, MessageAuthor author, String channel,
            String writtenBy, boolean automatic, String body, Instant at, String messageId, DeliveryStatus deliveryStatus,
            String deliveryReason, String providerMessageId, Instant deliveryUpdatedAt, UUID resentFrom, UUID resentAs,
            List<Attachment> attachments) {

        static Message of(CaseMessage m) {
            return new Message(m.id, m.direction, m.kind, m.author, m.channel, m.writtenBy, m.automatic, m.body,
                    m.receivedAt, m.messageId, m.deliveryStatus, m.deliveryReason, m.providerMessageId, m.deliveryUpdatedAt,
                    m.resentFrom, m.resentAs, m.attachments == null ? List.of() : m.attachments);
        }

        /** The complaint that opened the case, as the conversation's first message. */
        static Message complaint(SupportCase c) {
            String body = c.subject.isBlank() ? c.summary : c.subject + "\n\n" + c.summary;
            return new Message(null, MessageDirection.INBOUND, MessageKind.COMPLAINT, MessageAuthor.CUSTOMER, c.channel,
                    c.customerName, false, body, c.receivedAt, c.complaintId, null, null, null, null, null, null,
                    c.attachments == null ? List.of() : c.attachments);
        }
    }

    public record Alert(UUID id, String kind, EscalationLevel level, String channel, String recipient, String state,
            int attempts,
            Instant sentAt) {
    }

    static CaseView of(SupportCase c, List<EscalationStep> steps, List<Notification> notifications,
            List<CaseMessage> messages, List<CaseResolution> resolutions) {
        return new CaseView(c.id, c.complaintId, c.reference,
                new Customer(c.customerId, c.customerName, c.customerEmail, c.customerPhone), c.channel, c.subject,
                c.summary, c.severity, c.severityReasons, c.level, c.status, c.language, c.category, c.classifiedCategory,
                c.rootCause, c.productId,
                c.orderNumbers == null ? List.of() : List.of(c.orderNumbers), c.assignee, c.receivedAt, c.openedAt,
                c.firstResponseDueAt,
                c.firstRespondedAt, c.firstRespondedBy, c.escalationDueAt, c.callbackDueAt, c.waitingSince, c.resolutionDueAt,
                c.replyDueAt,
                c.resolvedAt, c.resolution, c.updatedAt, c.version,
                steps.stream().map(s -> new Step(s.fromLevel, s.toLevel, s.reasonCode, s.reason, s.occurredAt)).toList(),
                notifications.stream().map(n -> new Alert(n.id, n.kind.name(), n.level, n.channel, n.recipient, n.state.name(),
                        n.attempts, n.sentAt)).toList(),
                Stream.concat(Stream.of(Message.complaint(c)), messages.stream().map(Message::of)).toList(),
                resolutions.stream().map(r -> new Resolution(r.resolutionNo, r.classifiedCategory, r.category, r.corrected,
                        r.rootCause, r.resolvedBy, r.resolvedAt)).toList());
    }
}
