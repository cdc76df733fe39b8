package io.tikun.followup.commitment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a commitment's state: who, why and when. */
@Entity
@Table(name = "commitment_change")
public class CommitmentChange {

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CommitmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public CommitmentStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column
    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static CommitmentChange of(UUID commitmentId, CommitmentStatus from, CommitmentStatus to, String actor,
            String reason, Instant at) {
        CommitmentChange change = new CommitmentChange();
        change.id = UUID.randomUUID();
        change.commitmentId = commitmentId;
        change.fromStatus = from;
        change.toStatus = to;
        change.actor = actor;
        change.reason = reason;
        change.occurredAt = at;
        return change;
    }
}
