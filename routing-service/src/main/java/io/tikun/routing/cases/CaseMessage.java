package io.tikun.routing.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tikun.routing.intake.Attachment;

/**
 * A message in a case's conversation after the complaint: the customer writing again, an agent's reply, a note,
 * an answer given by phone, or an automatic message; outbound ones carry their delivery status.
 */
@Entity
@Table(name = "case_message")
public class CaseMessage {

    static final String NOTE_CHANNEL = "internal";
    static final String PHONE_CHANNEL = "phone";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Intake's id of a customer's message, or routing's id of a message it asked intake to deliver; else null. */
    @Column(name = "message_id", unique = true)
    public String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageAuthor author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    /** The customer's channel; for a delivered message the one intake used (a web complaint is answered by e-mail). */
    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_by")
    public String writtenBy;

    @Column(nullable = false)
    public boolean automatic;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Null for messages routing did not ask intake to deliver. */
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    public DeliveryStatus deliveryStatus;

    @Column(name = "delivery_reason")
    public String deliveryReason;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "delivery_updated_at")
    public Instant deliveryUpdatedAt;

    /** For a message sent again after a failed delivery: the failed message it replaces. */
    @Column(name = "resent_from")
    public UUID resentFrom;

    /** For a failed message that was sent again: the message that replaced it. */
    @Column(name = "resent_as")
    public UUID resentAs;

    /** The files the customer attached to this message (metadata only); null when none or before V38. */
    @Column(name = "attachments")
    @Convert(converter = AttachmentsColumn.class)
    public List<Attachment> attachments;

    /** Whether this is a customer-bound message whose delivery failed and that was not sent again yet. */
    public boolean mayBeResent() {
        return direction == MessageDirection.OUTBOUND && deliveryStatus == DeliveryStatus.FAILED && resentAs == null;
    }

    static CaseMessage fromCustomer(SupportCase c, String messageId, String channel, String body, Instant at,
            List<Attachment> attachments) {
        CaseMessage m = message(c, MessageAuthor.CUSTOMER, MessageDirection.INBOUND, MessageKind.CUSTOMER_MESSAGE,
                channel == null ? c.channel : channel, body == null ? "" : body, c.customerName, at);
        m.messageId = messageId;
        m.attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
        return m;
    }

    /**
     * A message routing asks intake to deliver on the customer's channel: written by {@code by}, or automatic when
     * {@code by} is null.
     */
    public static CaseMessage toCustomer(SupportCase c, MessageKind kind, String messageId, String by, String body,
            Instant at) {
        CaseMessage m = message(c, by == null ? MessageAuthor.SYSTEM : MessageAuthor.AGENT, MessageDirection.OUTBOUND,
                kind, c.channel, body, by, at);
        m.messageId = messageId;
        m.automatic = by == null;
        m.deliveryStatus = DeliveryStatus.REQUESTED;
        m.deliveryUpdatedAt = at;
        return m;
    }

    static CaseMessage note(SupportCase c, String by, String body, Instant at) {
        return message(c, MessageAuthor.AGENT, MessageDirection.INTERNAL, MessageKind.NOTE, NOTE_CHANNEL, body, by, at);
    }

    static CaseMessage phoneResponse(SupportCase c, String by, String body, Instant at) {
        return message(c, MessageAuthor.AGENT, MessageDirection.OUTBOUND, MessageKind.PHONE_RESPONSE, PHONE_CHANNEL, body,
                by, at);
    }

    private static CaseMessage message(SupportCase c, MessageAuthor author, MessageDirection direction, MessageKind kind,
            String channel, String body, String by, Instant at) {
        CaseMessage m = new CaseMessage();
        m.id = UUID.randomUUID();
        m.caseId = c.id;
        m.author = author;
        m.direction = direction;
        m.kind = kind;
        m.channel = channel;
        m.body = body;
        m.writtenBy = by;
        m.receivedAt = at;
        return m;
    }
}
