package io.tikun.routing.sla;

import static io.tikun.routing.sla.Jerusalem.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tikun.routing.escalation.Severity;

/** Deadlines per severity with the default configuration. */
class SlaClockTest {

    private static final Instant THURSDAY_AFTERNOON = at("2026-11-26T17:00");
    private static final Instant FRIDAY_NIGHT = at("2026-11-27T23:30");

    private final SlaClock defaults = clockAt(SlaTestConfig.defaults(), at("2026-11-29T09:00"));

    private static SlaClock clockAt(SlaConfig config, Instant now) {
        return new SlaClock(config, Clock.fixed(now, Jerusalem.ZONE));
    }

    @Test
    void givesHighSeverityFourBusinessHoursOverTheWeekend() {
        assertThat(defaults.firstResponseDue(Severity.HIGH, THURSDAY_AFTERNOON)).isEqualTo(at("2026-11-29T11:00"));
    }

    @Test
    void givesMediumSeverityTwentyFourBusinessHours() {
        assertThat(defaults.firstResponseDue(Severity.MEDIUM, at("2026-11-22T08:00")))
                .isEqualTo(at("2026-11-24T12:00"));
    }

    @Test
    void givesLowSeveritySeventyTwoBusinessHours() {
        assertThat(defaults.firstResponseDue(Severity.LOW, THURSDAY_AFTERNOON)).isEqualTo(at("2026-12-08T09:00"));
    }

    @Test
    void givesCriticalSeverityOneHourAroundTheClock() {
        assertThat(defaults.firstResponseDue(Severity.CRITICAL, FRIDAY_NIGHT)).isEqualTo(at("2026-11-28T00:30"));
    }

    @Test
    void resolvesWithinBusinessDaysOrOneDayAroundTheClockForCritical() {
        SlaDeadlines high = defaults.deadlines(Severity.HIGH, THURSDAY_AFTERNOON);
        SlaDeadlines critical = defaults.deadlines(Severity.CRITICAL, FRIDAY_NIGHT);

        assertThat(high.firstResponseDue()).isEqualTo(at("2026-11-29T11:00"));
        // 20 business hours: 1 on Thursday, then Sunday, then 9 on Monday.
        assertThat(high.resolutionDue()).isEqualTo(at("2026-11-30T17:00"));
        assertThat(critical.resolutionDue()).isEqualTo(at("2026-11-28T23:30"));
        assertThat(defaults.resolutionDue(Severity.MEDIUM, at("2026-11-22T08:00"))).isEqualTo(at("2026-11-26T18:00"));
        assertThat(defaults.resolutionDue(Severity.LOW, at("2026-11-22T08:00"))).isEqualTo(at("2026-12-10T18:00"));
    }

    @Test
    void promisesTheManagerCallbackInTwoRealHoursEvenOnSaturday() {
        assertThat(defaults.managerCallbackDue(at("2026-11-28T10:00"))).isEqualTo(at("2026-11-28T12:00"));
    }

    @Test
    void runsOnlyCriticalAroundTheClockByDefault() {
        assertThat(defaults.calendarFor(Severity.CRITICAL)).isInstanceOf(AroundTheClockCalendar.class);
        assertThat(defaults.calendarFor(Severity.HIGH)).isInstanceOf(OfficeHoursCalendar.class);
        assertThat(defaults.calendarFor(Severity.MEDIUM)).isInstanceOf(OfficeHoursCalendar.class);
        assertThat(defaults.calendarFor(Severity.LOW)).isInstanceOf(OfficeHoursCalendar.class);
    }

    @Test
    void followsConfiguredTargetsCalendarsAndHolidays() {
        SlaClock configured = clockAt(SlaTestConfig.with(Map.of(
                "tikun.routing.sla.around-the-clock.high", "true",
                "tikun.routing.sla.first-response.medium", "PT2H",
                "tikun.routing.sla.holidays", "2026-11-29")), THURSDAY_AFTERNOON);

        assertThat(configured.firstResponseDue(Severity.HIGH, FRIDAY_NIGHT)).isEqualTo(at("2026-11-28T03:30"));
        assertThat(configured.firstResponseDue(Severity.MEDIUM, THURSDAY_AFTERNOON)).isEqualTo(at("2026-11-30T09:00"));
    }

    @Test
    void startsTimersWithTheTargetOfTheSeverity() {
        assertThat(defaults.startFirstResponse(Severity.HIGH, THURSDAY_AFTERNOON))
                .isEqualTo(SlaTimer.startedAt(Duration.ofHours(4), THURSDAY_AFTERNOON));
        assertThat(defaults.startResolution(Severity.LOW, THURSDAY_AFTERNOON))
                .isEqualTo(SlaTimer.startedAt(Duration.ofHours(150), THURSDAY_AFTERNOON));
    }

    @Test
    void measuresBreachRiskAtTheInjectedNow() {
        SlaTimer high = defaults.startFirstResponse(Severity.HIGH, THURSDAY_AFTERNOON);

        BreachRisk risk = defaults.breachRisk(Severity.HIGH, high);

        // Sunday 09:00: one hour on Thursday and one on Sunday of four.
        assertThat(risk.remaining()).isEqualTo(Duration.ofHours(2));
        assertThat(risk.consumed()).isEqualTo(0.5);
    }

    @Test
    void measuresCriticalBreachRiskInRealTime() {
        SlaClock justAfterMidnight = clockAt(SlaTestConfig.defaults(), at("2026-11-28T00:00"));
        SlaTimer critical = justAfterMidnight.startFirstResponse(Severity.CRITICAL, FRIDAY_NIGHT);

        BreachRisk risk = justAfterMidnight.breachRisk(Severity.CRITICAL, critical);

        assertThat(risk.remaining()).isEqualTo(Duration.ofMinutes(30));
        assertThat(risk.atRisk(0.5)).isTrue();
    }
}
