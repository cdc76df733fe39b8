package io.tikun.routing.sla;

import static io.tikun.routing.sla.Jerusalem.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Pausing and resuming a four-business-hour timer in the Israeli office week. */
class SlaTimerTest {

    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    private final OfficeHoursCalendar calendar = Jerusalem.officeHours();
    private final SlaTimer startedThursdayAfternoon = SlaTimer.startedAt(FOUR_HOURS, at("2026-11-26T16:00"));

    @Test
    void runsFromItsStartWithTheWholeTarget() {
        assertThat(startedThursdayAfternoon.isRunning()).isTrue();
        assertThat(startedThursdayAfternoon.remaining()).isEqualTo(FOUR_HOURS);
        assertThat(startedThursdayAfternoon.deadline(calendar)).contains(at("2026-11-29T10:00"));
    }

    @Test
    void keepsTheBusinessTimeLeftWhenPaused() {
        SlaTimer paused = startedThursdayAfternoon.pause(at("2026-11-26T17:00"), calendar);

        assertThat(paused.isRunning()).isFalse();
        assertThat(paused.remaining()).isEqualTo(Duration.ofHours(3));
        assertThat(paused.deadline(calendar)).isEmpty();
        assertThat(paused.remainingAt(at("2026-12-20T12:00"), calendar)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void movesTheDeadlineByTheBusinessTimeSpentPaused() {
        SlaTimer resumed = startedThursdayAfternoon.pause(at("2026-11-26T17:00"), calendar)
                .resume(at("2026-11-29T10:00"));

        assertThat(resumed.deadline(calendar)).contains(at("2026-11-29T13:00"));
    }

    @Test
    void losesNoBusinessTimeWhenPausedOverTheWeekend() {
        SlaTimer pausedOverWeekend = startedThursdayAfternoon.pause(at("2026-11-27T09:00"), calendar)
                .resume(at("2026-11-28T21:00"));

        assertThat(pausedOverWeekend.remaining()).isEqualTo(Duration.ofHours(2));
        assertThat(pausedOverWeekend.deadline(calendar)).isEqualTo(startedThursdayAfternoon.deadline(calendar));
    }

    @Test
    void losesNoBusinessTimeWhenPausedAfterClosingAndResumedAtOpening() {
        SlaTimer paused = startedThursdayAfternoon.pause(at("2026-11-26T19:00"), calendar);

        assertThat(paused.resume(at("2026-11-29T08:00")).deadline(calendar))
                .isEqualTo(startedThursdayAfternoon.deadline(calendar));
    }

    @Test
    void ignoresASecondPauseAndASecondResume() {
        SlaTimer paused = startedThursdayAfternoon.pause(at("2026-11-26T17:00"), calendar);

        assertThat(paused.pause(at("2026-11-29T12:00"), calendar)).isSameAs(paused);
        assertThat(startedThursdayAfternoon.resume(at("2026-11-29T12:00"))).isSameAs(startedThursdayAfternoon);
    }

    @Test
    void refusesToPauseBeforeItStarted() {
        assertThatThrownBy(() -> startedThursdayAfternoon.pause(at("2026-11-26T15:00"), calendar))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staysOverdueWhenPausedAfterItsDeadline() {
        SlaTimer paused = startedThursdayAfternoon.pause(at("2026-11-29T11:00"), calendar);
        SlaTimer resumed = paused.resume(at("2026-11-30T09:00"));

        assertThat(paused.remaining()).isEqualTo(Duration.ofHours(-1));
        assertThat(resumed.deadline(calendar)).contains(at("2026-11-30T09:00"));
        assertThat(resumed.breachRisk(at("2026-11-30T10:00"), calendar).remaining()).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void consumesNothingBeforeItStarts() {
        assertThat(startedThursdayAfternoon.remainingAt(at("2026-11-26T12:00"), calendar)).isEqualTo(FOUR_HOURS);
    }

    @Test
    void reportsNoRiskAtTheStart() {
        BreachRisk risk = startedThursdayAfternoon.breachRisk(at("2026-11-26T16:00"), calendar);

        assertThat(risk.remaining()).isEqualTo(FOUR_HOURS);
        assertThat(risk.consumed()).isZero();
        assertThat(risk.breached()).isFalse();
    }

    @Test
    void reportsHalfConsumedAfterHalfTheBusinessTime() {
        BreachRisk risk = startedThursdayAfternoon.breachRisk(at("2026-11-29T08:00"), calendar);

        assertThat(risk.remaining()).isEqualTo(Duration.ofHours(2));
        assertThat(risk.consumed()).isEqualTo(0.5);
        assertThat(risk.atRisk(0.5)).isTrue();
        assertThat(risk.atRisk(0.8)).isFalse();
    }

    @Test
    void consumesNothingMoreOverTheWeekend() {
        BreachRisk atClosing = startedThursdayAfternoon.breachRisk(at("2026-11-26T18:00"), calendar);
        BreachRisk onSaturday = startedThursdayAfternoon.breachRisk(at("2026-11-28T18:00"), calendar);

        assertThat(onSaturday).isEqualTo(atClosing);
    }

    @Test
    void isFullyConsumedButNotBreachedAtTheDeadline() {
        BreachRisk risk = startedThursdayAfternoon.breachRisk(at("2026-11-29T10:00"), calendar);

        assertThat(risk.remaining()).isZero();
        assertThat(risk.consumed()).isEqualTo(1.0);
        assertThat(risk.breached()).isFalse();
    }

    @Test
    void isBreachedOnceTheDeadlinePasses() {
        BreachRisk risk = startedThursdayAfternoon.breachRisk(at("2026-11-29T11:00"), calendar);

        assertThat(risk.remaining()).isEqualTo(Duration.ofHours(-1));
        assertThat(risk.consumed()).isEqualTo(1.25);
        assertThat(risk.breached()).isTrue();
    }

    @Test
    void treatsAZeroTargetAsFullyConsumed() {
        SlaTimer immediate = SlaTimer.startedAt(Duration.ZERO, at("2026-11-26T16:00"));

        assertThat(immediate.breachRisk(at("2026-11-26T16:00"), calendar).consumed()).isEqualTo(1.0);
        assertThat(immediate.deadline(calendar)).contains(at("2026-11-26T16:00"));
    }

    @Test
    void refusesMoreRemainingThanItsTargetOrANegativeTarget() {
        Instant start = at("2026-11-26T16:00");

        assertThatThrownBy(() -> new SlaTimer(FOUR_HOURS, Duration.ofHours(5), start))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTimer.startedAt(Duration.ofHours(-1), start))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
