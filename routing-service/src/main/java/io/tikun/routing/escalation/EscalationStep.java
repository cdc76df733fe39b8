package io.tikun.routing.escalation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One move of a case on the ladder, with the reason, kept forever as the case's history. */
@Entity
@Table(name = "escalation_step")
public class EscalationStep {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_level")
    public EscalationLevel fromLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_level", nullable = false)
    public EscalationLevel toLevel;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    public EscalationReason reasonCode;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static EscalationStep of(UUID caseId, EscalationLevel from, EscalationLevel to, EscalationReason code,
            String reason, Instant at) {
        EscalationStep step = new EscalationStep();
        step.reasonCode = code;
        step.id = UUID.randomUUID();
        step.caseId = caseId;
        step.fromLevel = from;
        step.toLevel = to;
        step.reason = reason;
        step.occurredAt = at;
        return step;
    }
}
