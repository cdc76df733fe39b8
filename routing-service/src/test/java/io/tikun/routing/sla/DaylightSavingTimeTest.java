package io.tikun.routing.sla;

import static io.tikun.routing.sla.Jerusalem.at;
import static io.tikun.routing.sla.Jerusalem.wallClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Business time across Israel's 2026 clock changes, as the JDK's tz rules have them: clocks jump from 02:00 to
 * 03:00 on Friday 27 March and fall back from 02:00 to 01:00 on Sunday 25 October.
 */
class DaylightSavingTimeTest {

    private static final LocalDate SPRING_FORWARD = LocalDate.parse("2026-03-27");
    private static final LocalDate FALL_BACK = LocalDate.parse("2026-10-25");

    private final OfficeHoursCalendar officeHours = Jerusalem.officeHours();

    @Test
    void usesTheRealIsraeliTransitionsOf2026() {
        assertThat(Jerusalem.ZONE.getRules().getOffset(at("2026-03-26T12:00"))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(Jerusalem.ZONE.getRules().getOffset(at("2026-03-29T12:00"))).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(Jerusalem.ZONE.getRules().getOffset(at("2026-10-22T12:00"))).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(Jerusalem.ZONE.getRules().getOffset(at("2026-10-25T12:00"))).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Nested
    class OfficeHoursInTheDefaultWeek {

        @Test
        void keepsTheWallClockOpeningWhenClocksSpringForwardOverTheWeekend() {
            Instant due = officeHours.addBusinessTime(at("2026-03-26T17:00"), Duration.ofHours(2));

            assertThat(wallClock(due)).isEqualTo(LocalDateTime.parse("2026-03-29T09:00"));
            // Thursday 15:00 UTC (UTC+2) to Sunday 06:00 UTC (UTC+3).
            assertThat(due).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        }

        @Test
        void countsAWholeWeekAcrossTheSpringForward() {
            Instant start = at("2026-03-25T09:00");
            Instant due = officeHours.addBusinessTime(start, Duration.ofHours(30));

            assertThat(due).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
            assertThat(officeHours.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(30));
        }

        @Test
        void keepsTheWallClockOpeningWhenClocksFallBackOnAWorkingSunday() {
            Instant due = officeHours.addBusinessTime(at("2026-10-22T17:00"), Duration.ofHours(2));

            assertThat(wallClock(due)).isEqualTo(LocalDateTime.parse("2026-10-25T09:00"));
            assertThat(due).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
        }

        @Test
        void keepsTenOpenHoursOnTheFallBackSunday() {
            assertThat(officeHours.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(10));
            assertThat(officeHours.addBusinessTime(at("2026-10-25T08:00"), Duration.ofHours(10)))
                    .isEqualTo(Instant.parse("2026-10-25T16:00:00Z"));
        }

        @Test
        void countsAWholeWeekAcrossTheFallBack() {
            assertThat(officeHours.businessTimeBetween(at("2026-10-24T00:00"), at("2026-10-31T00:00")))
                    .isEqualTo(Duration.ofHours(50));
        }
    }

    @Nested
    class OpeningInsideTheSpringForwardGap {

        /** Every day 02:30-10:00: on 27 March 2026 the wall clock never shows 02:30. */
        private final OfficeHoursCalendar nightShift = OfficeHoursCalendar.of(Jerusalem.ZONE,
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), LocalTime.of(10, 0));

        @Test
        void opensAtTheMomentTheClocksJump() {
            // 02:00 IST jumps to 03:00 IDT at 00:00 UTC.
            assertThat(nightShift.nextOpening(at("2026-03-27T00:30"))).isEqualTo(Instant.parse("2026-03-27T00:00:00Z"));
            assertThat(nightShift.isOpen(Instant.parse("2026-03-26T23:59:59Z"))).isFalse();
            assertThat(nightShift.isOpen(Instant.parse("2026-03-27T00:00:00Z"))).isTrue();
        }

        @Test
        void holdsHalfAnHourLessOnTheDayTheClocksJump() {
            assertThat(nightShift.businessTimeBetween(at("2026-03-26T00:00"), at("2026-03-27T00:00")))
                    .isEqualTo(Duration.ofMinutes(450));
            assertThat(nightShift.businessTimeBetween(at("2026-03-27T00:00"), at("2026-03-28T00:00")))
                    .isEqualTo(Duration.ofHours(7));
        }

        @Test
        void fallsDueAtClosingAfterTheShortenedDay() {
            Instant due = nightShift.addBusinessTime(at("2026-03-27T00:00"), Duration.ofHours(7));

            assertThat(wallClock(due)).isEqualTo(LocalDateTime.parse("2026-03-27T10:00"));
            assertThat(due).isEqualTo(Instant.parse("2026-03-27T07:00:00Z"));
        }

        @Test
        void closesAtTheJumpWhenClosingTimeIsSkipped() {
            OfficeHoursCalendar lateNight = OfficeHoursCalendar.of(Jerusalem.ZONE, EnumSet.allOf(DayOfWeek.class),
                    LocalTime.of(1, 0), LocalTime.of(2, 30));

            assertThat(lateNight.businessTimeBetween(at("2026-03-27T00:00"), at("2026-03-28T00:00")))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(lateNight.addBusinessTime(at("2026-03-27T00:00"), Duration.ofHours(1)))
                    .isEqualTo(Instant.parse("2026-03-27T00:00:00Z"));
        }

        @Test
        void staysClosedOnADayWhoseWholeOpeningIsSkipped() {
            OfficeHoursCalendar skipped = OfficeHoursCalendar.of(Jerusalem.ZONE, EnumSet.allOf(DayOfWeek.class),
                    LocalTime.of(2, 10), LocalTime.of(2, 50));

            assertThat(skipped.isBusinessDay(SPRING_FORWARD)).isFalse();
            assertThat(skipped.isBusinessDay(SPRING_FORWARD.minusDays(1))).isTrue();
            assertThat(skipped.addBusinessTime(at("2026-03-26T02:50"), Duration.ofMinutes(10)))
                    .isEqualTo(at("2026-03-28T02:20"));
        }
    }

    @Nested
    class OpeningInsideTheFallBackOverlap {

        /** Every day 01:30-10:00: on 25 October 2026 the wall clock shows 01:30 twice. */
        private final OfficeHoursCalendar nightShift = OfficeHoursCalendar.of(Jerusalem.ZONE,
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 30), LocalTime.of(10, 0));

        @Test
        void opensTheFirstTimeTheClockShowsOpeningTime() {
            // The first 01:30 is still summer time, UTC+3.
            assertThat(nightShift.nextOpening(Instant.parse("2026-10-24T20:00:00Z")))
                    .isEqualTo(Instant.parse("2026-10-24T22:30:00Z"));
        }

        @Test
        void holdsAnHourMoreOnTheDayTheClocksFallBack() {
            assertThat(nightShift.businessTimeBetween(at("2026-10-24T00:00"), at("2026-10-25T00:00")))
                    .isEqualTo(Duration.ofMinutes(510));
            assertThat(nightShift.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofMinutes(570));
            assertThat(nightShift.isBusinessDay(FALL_BACK)).isTrue();
        }

        @Test
        void fallsDueByRealTimeSoTheWallClockShowsAnHourEarlier() {
            Instant due = nightShift.addBusinessTime(Instant.parse("2026-10-24T22:30:00Z"), Duration.ofHours(8));

            assertThat(due).isEqualTo(Instant.parse("2026-10-25T06:30:00Z"));
            assertThat(wallClock(due)).isEqualTo(LocalDateTime.parse("2026-10-25T08:30"));
        }
    }
}
