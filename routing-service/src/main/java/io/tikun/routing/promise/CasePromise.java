package io.tikun.routing.promise;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tikun.routing.followup.CommitmentStatus;

/** A promise made on a case, as routing made it and as follow-up last reported it (table {@code case_promise}). */
@Entity
@Table(name = "case_promise")
public class CasePromise {

    @Id
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column
    public String what;

    @Column
    public String owner;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "made_by")
    public String madeBy;

    @Column(name = "made_at")
    public Instant madeAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentStatus state;

    /** When the change this row shows happened; an older change arriving later is ignored. */
    @Column(name = "state_at", nullable = false)
    public Instant stateAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The promise as routing makes it: {@code OPEN} from its making. */
    public static CasePromise made(UUID commitmentId, UUID caseId, String customerId, String what, String owner,
            Instant dueAt, String madeBy, Instant madeAt) {
        CasePromise p = new CasePromise();
        p.commitmentId = commitmentId;
        p.caseId = caseId;
        p.customerId = customerId;
        p.what = what;
        p.owner = owner;
        p.dueAt = dueAt;
        p.madeBy = madeBy;
        p.madeAt = madeAt;
        p.state = CommitmentStatus.OPEN;
        p.stateAt = madeAt;
        p.updatedAt = madeAt;
        return p;
    }

    /**
     * Applies a change follow-up reported at {@code occurredAt}: only one newer than the change the row shows moves it
     * (a redelivery or a late, older change leaves it as it is). A new due date is taken whatever the order, when the
     * change carries one and is the newest. Returns whether anything changed.
     */
    public boolean apply(CommitmentStatus status, Instant dueAt, Instant occurredAt, Instant now) {
        if (status == null || occurredAt == null || !occurredAt.isAfter(stateAt)) {
            return false;
        }
        state = status;
        stateAt = occurredAt;
        if (dueAt != null) {
            this.dueAt = dueAt;
        }
        updatedAt = now;
        return true;
    }
}
