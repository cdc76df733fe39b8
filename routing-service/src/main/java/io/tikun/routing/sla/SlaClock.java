package io.tikun.routing.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.escalation.Severity;

/** Turns a case's severity and start into SLA deadlines and timers, in the calendar the severity runs on. */
@ApplicationScoped
public class SlaClock {

    private final SlaConfig config;
    private final OfficeHoursCalendar officeHours;
    private final Clock clock;

    public SlaClock(SlaConfig config, Clock clock) {
        this.config = config;
        this.officeHours = OfficeHoursCalendar.from(config);
        this.clock = clock;
    }

    /** Around the clock for the severities configured so (CRITICAL by default), office hours otherwise. */
    public BusinessCalendar calendarFor(Severity severity) {
        return config.aroundTheClock().of(severity) ? BusinessCalendar.aroundTheClock() : officeHours;
    }

    public SlaDeadlines deadlines(Severity severity, Instant openedAt) {
        return new SlaDeadlines(firstResponseDue(severity, openedAt), resolutionDue(severity, openedAt));
    }

    public Instant firstResponseDue(Severity severity, Instant openedAt) {
        return calendarFor(severity).addBusinessTime(openedAt, config.firstResponse().of(severity));
    }

    public Instant resolutionDue(Severity severity, Instant openedAt) {
        return calendarFor(severity).addBusinessTime(openedAt, config.resolution().of(severity));
    }

    /** The manager's personal callback is promised in real hours, whatever the calendar says. */
    public Instant managerCallbackDue(Instant escalatedAt) {
        return BusinessCalendar.aroundTheClock().addBusinessTime(escalatedAt, config.managerCallback());
    }

    /**
     * Where a deadline lands after its clock stood still from {@code pausedAt} to {@code resumedAt}: it
     * keeps the business time it had left when the pause began, counted again from the resumption. A
     * deadline already missed when the pause began stays where it was, so a pause never hides a breach.
     */
    public static Instant afterPause(Instant deadline, Instant pausedAt, Instant resumedAt, BusinessCalendar calendar) {
        Objects.requireNonNull(deadline, "deadline");
        if (!deadline.isAfter(pausedAt) || !resumedAt.isAfter(pausedAt)) {
            return deadline;
        }
        Duration left = calendar.businessTimeBetween(pausedAt, deadline);
        SlaTimer paused = new SlaTimer(left, left, null);
        return paused.resume(resumedAt).deadline(calendar).orElseThrow();
    }

    public SlaTimer startFirstResponse(Severity severity, Instant openedAt) {
        return SlaTimer.startedAt(config.firstResponse().of(severity), openedAt);
    }

    public SlaTimer startResolution(Severity severity, Instant openedAt) {
        return SlaTimer.startedAt(config.resolution().of(severity), openedAt);
    }

    /** How close the timer of a case of this severity is to breach right now. */
    public BreachRisk breachRisk(Severity severity, SlaTimer timer) {
        Objects.requireNonNull(timer, "timer");
        return timer.breachRisk(clock.instant(), calendarFor(severity));
    }
}
