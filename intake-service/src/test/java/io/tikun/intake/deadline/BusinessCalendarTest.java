package io.tikun.intake.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final Set<DayOfWeek> SUNDAY_TO_THURSDAY = EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    private static final BusinessCalendar ISRAEL = new BusinessCalendar(JERUSALEM, SUNDAY_TO_THURSDAY,
            LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of());

    /** A clock stopped at this local time in Jerusalem, as the service's injected Clock would be in a test. */
    private static Clock at(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(JERUSALEM).toInstant(), JERUSALEM);
    }

    @Test
    void countsHoursWithinOneBusinessDay() {
        // Monday 23 November 2026, 10:00 in Jerusalem (UTC+2)
        assertThat(ISRAEL.plus(at("2026-11-23T10:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void carriesWhatIsLeftAtClosingTimeToTheNextMorning() {
        assertThat(ISRAEL.plus(at("2026-11-23T16:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-24T08:00:00Z")); // Tuesday 10:00 local
    }

    @Test
    void skipsFridayAndSaturday() {
        // Thursday 17:00: one hour that day, three on Sunday from 08:00
        assertThat(ISRAEL.plus(at("2026-11-26T17:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
        // received on Saturday: the clock starts on Sunday morning
        assertThat(ISRAEL.plus(at("2026-11-28T12:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void startsCountingAtOpeningTimeForAComplaintReceivedAtNight() {
        assertThat(ISRAEL.plus(at("2026-11-23T06:00").instant(), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-23T07:00:00Z")); // 09:00 local
        assertThat(ISRAEL.plus(at("2026-11-23T19:30").instant(), Duration.ofMinutes(30)))
                .isEqualTo(Instant.parse("2026-11-24T06:30:00Z")); // Tuesday 08:30 local
    }

    @Test
    void spreadsSeventyTwoBusinessHoursOverTwoWeeks() {
        // Monday 8 h, Tuesday to Thursday 30 h, Sunday to Tuesday 30 h, Wednesday 4 h
        assertThat(ISRAEL.plus(at("2026-11-23T10:00").instant(), Duration.ofHours(72)))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void skipsConfiguredHolidays() {
        BusinessCalendar withHolidays = new BusinessCalendar(JERUSALEM, SUNDAY_TO_THURSDAY, LocalTime.of(8, 0),
                LocalTime.of(18, 0), Set.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24")));

        // Sunday 17:00: one hour, then Monday and Tuesday off, three hours on Wednesday
        assertThat(withHolidays.plus(at("2026-11-22T17:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void staysExactAcrossTheSpringDaylightSavingChange() {
        // Clocks go forward on Friday 27 March 2026: Thursday is UTC+2, Sunday UTC+3
        assertThat(ISRAEL.plus(at("2026-03-26T17:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-03-29T08:00:00Z")); // Sunday 11:00 IDT
    }

    @Test
    void staysExactAcrossTheAutumnDaylightSavingChange() {
        // Clocks go back on Sunday 25 October 2026 at 02:00: Thursday is UTC+3, Sunday UTC+2
        assertThat(ISRAEL.plus(at("2026-10-22T17:00").instant(), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-10-25T09:00:00Z")); // Sunday 11:00 IST
    }

    @Test
    void countsARealHourLessOnADayWhoseBusinessHoursTheClockChangeCuts() {
        // Open 01:00-05:00 every day: on 27 March 2026 02:00 does not exist, so that day has three hours
        BusinessCalendar night = new BusinessCalendar(JERUSALEM, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
                LocalTime.of(5, 0), Set.of());

        assertThat(night.plus(at("2026-03-27T01:00").instant(), Duration.ofMinutes(210)))
                .isEqualTo(Instant.parse("2026-03-27T22:30:00Z")); // Saturday 01:30 IDT
    }

    @Test
    void refusesACalendarWithoutBusinessHours() {
        assertThatThrownBy(() -> new BusinessCalendar(JERUSALEM, Set.of(), LocalTime.of(8, 0), LocalTime.of(18, 0),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(JERUSALEM, SUNDAY_TO_THURSDAY, LocalTime.of(18, 0),
                LocalTime.of(8, 0), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
