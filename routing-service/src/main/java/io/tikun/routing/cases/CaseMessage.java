package io.tikun.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message on a case after the complaint: the customer writing again, or an agent's answer. */
@Entity
@Table(name = "case_message")
public class CaseMessage {

    private static final String AGENT_CHANNEL = "agent";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Intake's id of a customer's message; null for an agent's answer. */
    @Column(name = "message_id", unique = true)
    public String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageAuthor author;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_by")
    public String writtenBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    static CaseMessage fromCustomer(SupportCase c, String messageId, String channel, String body, Instant at) {
        CaseMessage m = new CaseMessage();
        m.id = UUID.randomUUID();
        m.caseId = c.id;
        m.messageId = messageId;
        m.author = MessageAuthor.CUSTOMER;
        m.channel = channel == null ? c.channel : channel;
        m.body = body == null ? "" : body;
        m.writtenBy = c.customerName;
        m.receivedAt = at;
        return m;
    }

    static CaseMessage fromAgent(SupportCase c, String by, String body, Instant at) {
        CaseMessage m = new CaseMessage();
        m.id = UUID.randomUUID();
        m.caseId = c.id;
        m.author = MessageAuthor.AGENT;
        m.channel = AGENT_CHANNEL;
        m.body = body;
        m.writtenBy = by;
        m.receivedAt = at;
        return m;
    }
}
