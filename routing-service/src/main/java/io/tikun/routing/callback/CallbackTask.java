package io.tikun.routing.callback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tikun.routing.cases.SupportCase;

/** The service manager's personal call to a customer whose case reached the top of the ladder. */
@Entity
@Table(name = "callback_task")
public class CallbackTask {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallbackState state;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(nullable = false)
    public String summary;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** Calls made so far. */
    @Column(nullable = false)
    public int attempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_outcome")
    public CallbackOutcome lastOutcome;

    /** The commitment a promised fix became. */
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    static CallbackTask forCase(SupportCase c, Instant dueAt, Instant now) {
        CallbackTask task = new CallbackTask();
        task.id = UUID.randomUUID();
        task.caseId = c.id;
        task.state = CallbackState.OPEN;
        task.customerName = c.customerName;
        task.customerPhone = c.customerPhone;
        task.summary = c.subject.isBlank() ? c.summary : c.subject + ": " + c.summary;
        task.dueAt = dueAt;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }
}
