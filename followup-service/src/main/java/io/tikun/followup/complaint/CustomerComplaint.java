package io.tikun.followup.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A complaint of a customer as follow-up knows it: from intake, with the case routing opened for it. */
@Entity
@Table(name = "customer_complaint")
public class CustomerComplaint {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String reference;

    /** As intake knows it; null for complaints filed before follow-up kept it. */
    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String severity;

    @Column(name = "churn_intent", nullable = false)
    public boolean churnIntent;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Intake's detected language: ISO 639-1, {@code und} when undetermined, null when the event had none. */
    public String language;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "case_status")
    public String caseStatus;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Intake's classification category, replaced by routing's when a case change carries one; null when unknown. */
    @Column
    public String category;

    @Column(name = "product_id")
    public String productId;

    @Column(name = "root_cause")
    public String rootCause;

    /** The highest escalation level the case reached; null before any case change with a level. */
    @Enumerated(EnumType.STRING)
    @Column(name = "highest_level")
    public CaseLevel highestLevel;

    /** How many manager callbacks routing scheduled for the case. */
    @Column(nullable = false)
    public int callbacks;

    /** Null until routing says whether the first response met its SLA. */
    @Column(name = "first_response_within_sla")
    public Boolean firstResponseWithinSla;

    /** A synthetic probe complaint (intake's mystery shopper): followed like any, counted in no report. */
    @Column(nullable = false)
    public boolean probe;

    static CustomerComplaint of(ComplaintReceived received) {
        CustomerComplaint c = new CustomerComplaint();
        c.complaintId = received.complaintId();
        c.customerId = received.customer().id();
        c.customerName = received.customer().name();
        c.reference = received.reference();
        c.channel = received.channel().wireName();
        c.subject = received.subject();
        c.severity = received.severity().name();
        c.churnIntent = received.churnIntent();
        c.receivedAt = received.receivedAt();
        c.language = received.languageCode();
        c.category = received.category();
        c.probe = received.isProbe();
        return c;
    }
}
