package io.tikun.routing.sla;

import java.time.Clock;
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
