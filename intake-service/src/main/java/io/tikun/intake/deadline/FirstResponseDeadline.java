package io.tikun.intake.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.severity.Severity;

/**
 * When intake promises the customer a first response: urgent severities around the clock, the
 * others in business hours of the configured calendar.
 */
@ApplicationScoped
public class FirstResponseDeadline {

    private final IntakeConfig.FirstResponse targets;
    private final BusinessCalendar calendar;

    @Inject
    public FirstResponseDeadline(IntakeConfig config) {
        this(config.firstResponse(), calendarOf(config.businessCalendar()));
    }

    FirstResponseDeadline(IntakeConfig.FirstResponse targets, BusinessCalendar calendar) {
        this.targets = targets;
        this.calendar = calendar;
    }

    public Instant due(Severity severity, Instant receivedAt) {
        Duration target = switch (severity) {
            case CRITICAL -> targets.critical();
            case HIGH -> targets.high();
            case MEDIUM -> targets.medium();
            case LOW -> targets.low();
        };
        return targets.aroundTheClock().contains(severity) ? receivedAt.plus(target) : calendar.plus(receivedAt, target);
    }

    static BusinessCalendar calendarOf(IntakeConfig.BusinessCalendar c) {
        return new BusinessCalendar(c.zone(), c.workdays(), c.opens(), c.closes(), c.holidays().orElse(Set.of()));
    }
}
