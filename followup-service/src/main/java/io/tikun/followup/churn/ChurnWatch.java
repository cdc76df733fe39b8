package io.tikun.followup.churn;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A churn-intent complaint followed until it is known whether the customer stayed or left. */
@Entity
@Table(name = "churn_watch")
public class ChurnWatch {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public String complaintId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** When the complaint was received (the report's window is over this). */
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChurnOutcome outcome;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_because")
    public ChurnDecision decidedBecause;

    @Column
    public String note;

    @Version
    public long version;
}
