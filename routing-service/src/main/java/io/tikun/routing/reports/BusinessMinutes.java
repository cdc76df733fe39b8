package io.tikun.routing.reports;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.sla.SlaClock;

/** How long an answer took on the calendar its case's SLA runs on (office hours, or every hour for CRITICAL). */
@ApplicationScoped
public class BusinessMinutes {

    private final SlaClock sla;

    public BusinessMinutes(SlaClock sla) {
        this.sla = sla;
    }

    /** Business time from question to answer; zero when the answer is recorded before the question. */
    public Duration of(ResponseMeasure measure) {
        Duration took = sla.calendarFor(measure.severity()).businessTimeBetween(measure.askedAt(), measure.answeredAt());
        return took.isNegative() ? Duration.ZERO : took;
    }

    public double minutes(ResponseMeasure measure) {
        return of(measure).toMillis() / 60_000.0;
    }
}
