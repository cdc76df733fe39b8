package io.tikun.followup.exit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A task for the retention team: talk to a customer who left, or is about to, and record what came of it. */
@Entity
@Table(name = "exit_interview")
public class ExitInterview {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExitTrigger trigger;

    @Column
    public String reason;

    /** The closed case that triggered it, for {@link ExitTrigger#CHURN_INTENT_CASE_CLOSED}. */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** Who holds the interview; null while nobody does (then only a manager or admin may complete it). */
    @Column
    public String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExitInterviewState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column
    public String notes;

    @Enumerated(EnumType.STRING)
    @Column
    public ExitOutcome outcome;

    /** Why the customer left, from the configured list; null when not recorded. */
    @Column(name = "exit_reason")
    public String exitReason;

    @Version
    public long version;
}
