package io.tikun.routing.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One {@code customers.feedback} event as the customer panel reads it (table {@code customer_feedback}). */
@Entity
@Table(name = "customer_feedback")
public class CustomerFeedback {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackKind kind;

    @Column(name = "case_id")
    public UUID caseId;

    @Column
    public String reference;

    @Column
    public Integer score;

    @Column
    public String comment;

    @Enumerated(EnumType.STRING)
    @Column(name = "churn_outcome")
    public ChurnOutcome churnOutcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "exit_outcome")
    public ExitOutcome exitOutcome;

    @Column(name = "exit_reason")
    public String exitReason;

    @Column(name = "value_tier")
    public String valueTier;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static CustomerFeedback of(String eventId, CustomerFeedbackEvent e, Instant now) {
        CustomerFeedback f = new CustomerFeedback();
        f.eventId = eventId;
        f.customerId = e.customerId();
        f.kind = e.kind();
        f.caseId = e.caseId();
        f.reference = e.reference();
        f.score = e.score();
        f.comment = e.comment();
        f.churnOutcome = e.churnOutcome();
        f.exitOutcome = e.exitOutcome();
        f.exitReason = e.exitReason();
        f.valueTier = e.valueTier();
        f.occurredAt = e.occurredAt();
        f.receivedAt = now;
        return f;
    }
}
