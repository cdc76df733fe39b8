package io.tikun.routing.callback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One call to the customer and what came of it, kept as the task's history and for reports. */
@Entity
@Table(name = "callback_attempt")
public class CallbackAttempt {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallbackOutcome outcome;

    @Column
    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    static CallbackAttempt of(UUID taskId, CallbackOutcome outcome, String note, String by, Instant at) {
        CallbackAttempt attempt = new CallbackAttempt();
        attempt.id = UUID.randomUUID();
        attempt.taskId = taskId;
        attempt.outcome = outcome;
        attempt.note = note;
        attempt.recordedBy = by;
        attempt.recordedAt = at;
        return attempt;
    }
}
