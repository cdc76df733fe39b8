package io.tikun.routing.sla;

import static io.tikun.routing.sla.Jerusalem.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Deadlines after the clock of a case stood still while it waited on the customer. */
class PausedDeadlineTest {

    private final OfficeHoursCalendar officeHours = Jerusalem.officeHours();

    @Test
    void keepsTheBusinessTimeLeftAcrossAWeekend() {
        // Thursday 26 Nov 2026 16:00, due at 17:30: 1.5 office hours left. The customer answers on Sunday 10:00.
        Instant due = SlaClock.afterPause(at("2026-11-26T17:30"), at("2026-11-26T16:00"), at("2026-11-29T10:00"),
                officeHours);

        assertThat(due).isEqualTo(at("2026-11-29T11:30"));
    }

    @Test
    void countsOnlyOfficeHoursLeftWhenThePauseBeganAfterClosing() {
        // Paused Thursday 19:00 with the deadline Sunday 09:00: one office hour left (Sunday 08:00-09:00).
        // Resumed Sunday 12:00, the hour runs from then.
        Instant due = SlaClock.afterPause(at("2026-11-29T09:00"), at("2026-11-26T19:00"), at("2026-11-29T12:00"),
                officeHours);

        assertThat(due).isEqualTo(at("2026-11-29T13:00"));
    }

    @Test
    void resumingOutsideOfficeHoursCountsFromTheNextOpening() {
        // Paused Monday 17:00 with two office hours left (17:00-18:00 and Tuesday 08:00-09:00); resumed Friday evening.
        Instant due = SlaClock.afterPause(at("2026-11-24T09:00"), at("2026-11-23T17:00"), at("2026-11-27T20:00"),
                officeHours);

        assertThat(due).isEqualTo(at("2026-11-29T10:00"));
    }

    @Test
    void anAroundTheClockDeadlineMovesByExactlyThePause() {
        Instant pausedAt = Instant.parse("2026-11-27T22:00:00Z");
        Instant resumedAt = pausedAt.plus(Duration.ofHours(7).plusMinutes(13));

        Instant due = SlaClock.afterPause(Instant.parse("2026-11-27T23:00:00Z"), pausedAt, resumedAt,
                BusinessCalendar.aroundTheClock());

        assertThat(due).isEqualTo(Instant.parse("2026-11-27T23:00:00Z").plus(Duration.ofHours(7).plusMinutes(13)));
    }

    @Test
    void aDeadlineMissedBeforeThePauseStaysMissed() {
        Instant missed = at("2026-11-26T10:00");

        assertThat(SlaClock.afterPause(missed, at("2026-11-26T11:00"), at("2026-11-29T10:00"), officeHours))
                .isEqualTo(missed);
    }

    @Test
    void aPauseAcrossTheSpringClockChangeKeepsRealOfficeTime() {
        // Israel moves to summer time on Friday 27 March 2026: no office hours on that day, so the hour left on
        // Thursday at 17:00 is the first hour of Sunday, on the summer clock.
        Instant due = SlaClock.afterPause(at("2026-03-26T18:00"), at("2026-03-26T17:00"), at("2026-03-28T12:00"),
                officeHours);

        assertThat(due).isEqualTo(at("2026-03-29T09:00"));
    }
}
