package io.tikun.followup.commitment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A promise made to a customer, tracked until the customer confirms it was kept. */
@Entity
@Table(name = "commitment")
public class Commitment {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "complaint_id", nullable = false)
    public String complaintId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(nullable = false)
    public String what;

    @Column(nullable = false)
    public String owner;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "made_by", nullable = false)
    public String madeBy;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentStatus status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the customer got the second request for the current claim; each claim clears it. */
    @Column(name = "customer_reminded_at")
    public Instant customerRemindedAt;

    @Version
    public long version;
}
