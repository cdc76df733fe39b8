package io.tikun.intake.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.severity.Severity;

class FirstResponseDeadlineTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    // Thursday 26 November 2026, 17:30 in Jerusalem: half an hour before the weekend
    private static final Clock THURSDAY_EVENING = Clock.fixed(Instant.parse("2026-11-26T15:30:00Z"), JERUSALEM);

    /** The defaults of tikun.intake.first-response.*. */
    private record Targets(Set<Severity> aroundTheClock) implements IntakeConfig.FirstResponse {

        @Override
        public Duration critical() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration high() {
            return Duration.ofHours(4);
        }

        @Override
        public Duration medium() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration low() {
            return Duration.ofHours(72);
        }
    }

    private static FirstResponseDeadline deadline(Set<Severity> aroundTheClock) {
        return new FirstResponseDeadline(new Targets(aroundTheClock), new BusinessCalendar(JERUSALEM,
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of()));
    }

    @Test
    void promisesACriticalComplaintWithinAnHourEvenBeforeTheWeekend() {
        assertThat(deadline(Set.of(Severity.CRITICAL)).due(Severity.CRITICAL, THURSDAY_EVENING.instant()))
                .isEqualTo(Instant.parse("2026-11-26T16:30:00Z"));
    }

    @Test
    void promisesTheOtherSeveritiesInBusinessHours() {
        FirstResponseDeadline deadlines = deadline(Set.of(Severity.CRITICAL));
        Instant received = THURSDAY_EVENING.instant();

        // half an hour on Thursday, the rest from Sunday 08:00 (UTC+2)
        assertThat(deadlines.due(Severity.HIGH, received)).isEqualTo(Instant.parse("2026-11-29T09:30:00Z"));
        assertThat(deadlines.due(Severity.MEDIUM, received)).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(deadlines.due(Severity.LOW, received)).isEqualTo(Instant.parse("2026-12-08T07:30:00Z"));
    }

    @Test
    void countsAnySeverityConfiguredAroundTheClockInElapsedTime() {
        assertThat(deadline(Set.of(Severity.CRITICAL, Severity.HIGH)).due(Severity.HIGH, THURSDAY_EVENING.instant()))
                .isEqualTo(Instant.parse("2026-11-26T19:30:00Z"));
    }
}
