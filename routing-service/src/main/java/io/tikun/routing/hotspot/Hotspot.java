package io.tikun.routing.hotspot;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A hotspot intake detected, as routing keeps it: the event's figures, when it is over, and who acknowledged it. */
@Entity
@Table(name = "hotspot")
public class Hotspot {

    /** Intake's hotspot id: stable for a subject and window end, so a redelivery finds the row it stored. */
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    public SubjectKind subjectKind;

    @Column(name = "subject_value", nullable = false)
    public String subjectValue;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Column(nullable = false)
    public int complaints;

    /** Distinct customers: what the test counted against {@link #expected}. */
    @Column(nullable = false)
    public int customers;

    @Column(nullable = false)
    public double expected;

    @Column(name = "p_value", nullable = false)
    public double pValue;

    @Column(name = "false_alarm_rate", nullable = false)
    public double falseAlarmRate;

    @Column(name = "baseline_weeks", nullable = false)
    public int baselineWeeks;

    /** JSON array of the sample complaints ({@link HotspotDetected.Sample}). */
    @Column(nullable = false)
    public String samples;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The window's end plus the cool-down: past from then on even if nobody acknowledged it. */
    @Column(name = "past_from", nullable = false)
    public Instant pastFrom;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Version
    @Column(nullable = false)
    public long version;

    public HotspotState stateAt(Instant now) {
        return HotspotLifecycle.stateAt(pastFrom, acknowledgedAt, now);
    }
}
