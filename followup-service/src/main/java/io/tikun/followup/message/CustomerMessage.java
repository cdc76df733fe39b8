package io.tikun.followup.message;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message follow-up asked intake to deliver to a customer, with the latest status intake reported. */
@Entity
@Table(name = "customer_message")
public class CustomerMessage {

    /** Before intake reported anything. */
    public static final String REQUESTED = "REQUESTED";

    @Id
    @Column(name = "message_id")
    public String messageId;

    /** The promise it is about; null for a case's survey. */
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "complaint_id", nullable = false)
    public String complaintId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerMessageKind kind;

    @Column(nullable = false)
    public String language;

    public String subject;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** {@link #REQUESTED}, or the {@link CustomerMessageStatus.DeliveryStatus} intake reported last. */
    @Column(nullable = false)
    public String status;

    public String channel;

    /** Why it failed, as intake reported it. */
    public String reason;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    public Integer attempts;

    @Column(name = "status_at")
    public Instant statusAt;
}
