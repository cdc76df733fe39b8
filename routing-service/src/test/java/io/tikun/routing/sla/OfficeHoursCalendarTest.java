package io.tikun.routing.sla;

import static io.tikun.routing.sla.Jerusalem.at;
import static io.tikun.routing.sla.Jerusalem.wallClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Deadline arithmetic in the Israeli office week (November 2026: no DST change, no holidays). */
class OfficeHoursCalendarTest {

    private final OfficeHoursCalendar calendar = Jerusalem.officeHours();

    @Nested
    class AddBusinessTime {

        @Test
        void addsWithinOneWorkingDay() {
            assertThat(calendar.addBusinessTime(at("2026-11-22T09:00"), Duration.ofHours(3)))
                    .isEqualTo(at("2026-11-22T12:00"));
        }

        @Test
        void isExactToTheNanosecond() {
            Duration amount = Duration.ofHours(1).plusMinutes(30).plusSeconds(15).plusNanos(123_456_789);

            assertThat(wallClock(calendar.addBusinessTime(at("2026-11-22T09:00"), amount)))
                    .isEqualTo(LocalDateTime.parse("2026-11-22T10:30:15.123456789"));
        }

        @Test
        void carriesWhatIsLeftAtClosingToTheNextMorning() {
            assertThat(calendar.addBusinessTime(at("2026-11-23T16:00"), Duration.ofHours(4)))
                    .isEqualTo(at("2026-11-24T10:00"));
        }

        @Test
        void skipsTheWeekendFromThursdayAfternoon() {
            assertThat(calendar.addBusinessTime(at("2026-11-26T17:00"), Duration.ofHours(4)))
                    .isEqualTo(at("2026-11-29T11:00"));
        }

        @Test
        void fallsDueAtClosingWhenTheAmountFillsTheDayExactly() {
            assertThat(calendar.addBusinessTime(at("2026-11-22T08:00"), Duration.ofHours(10)))
                    .isEqualTo(at("2026-11-22T18:00"));
        }

        @Test
        void startsCountingOnSundayMorningForAThursdayEveningComplaint() {
            assertThat(calendar.addBusinessTime(at("2026-11-26T20:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-11-29T09:00"));
        }

        @Test
        void startsCountingOnSundayForAFridayComplaint() {
            assertThat(calendar.addBusinessTime(at("2026-11-27T10:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-11-29T10:00"));
        }

        @Test
        void startsCountingOnSundayForASaturdayNightComplaint() {
            assertThat(calendar.addBusinessTime(at("2026-11-28T23:59:59"), Duration.ofMinutes(30)))
                    .isEqualTo(at("2026-11-29T08:30"));
        }

        @Test
        void startsCountingAtOpeningForAnEarlyMorningComplaint() {
            assertThat(calendar.addBusinessTime(at("2026-11-23T06:30"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-11-23T09:00"));
        }

        @Test
        void startsCountingNextMorningForAComplaintAtClosingTime() {
            assertThat(calendar.addBusinessTime(at("2026-11-23T18:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-11-24T09:00"));
        }

        @Test
        void countsTheLastSecondBeforeClosing() {
            assertThat(calendar.addBusinessTime(at("2026-11-23T17:59:59"), Duration.ofSeconds(2)))
                    .isEqualTo(at("2026-11-24T08:00:01"));
        }

        @Test
        void coversSeventyTwoBusinessHoursOverTwoWeekends() {
            // 1 h on Thursday, 50 h in the next week, 21 h in the week after.
            assertThat(calendar.addBusinessTime(at("2026-11-26T17:00"), Duration.ofHours(72)))
                    .isEqualTo(at("2026-12-08T09:00"));
        }

        @Test
        void coversSeventyTwoBusinessHoursFromSundayMorning() {
            assertThat(calendar.addBusinessTime(at("2026-11-22T08:00"), Duration.ofHours(72)))
                    .isEqualTo(at("2026-12-01T10:00"));
        }

        @Test
        void returnsTheStartForNothingToAdd() {
            assertThat(calendar.addBusinessTime(at("2026-11-27T10:00"), Duration.ZERO))
                    .isEqualTo(at("2026-11-27T10:00"));
        }

        @Test
        void refusesANegativeAmount() {
            assertThatThrownBy(() -> calendar.addBusinessTime(at("2026-11-22T09:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Holidays {

        @Test
        void skipsAHolidayInTheMiddleOfTheWeek() {
            OfficeHoursCalendar withHoliday = calendar.withHolidays(LocalDate.parse("2026-11-24"));

            assertThat(withHoliday.addBusinessTime(at("2026-11-23T17:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-11-25T09:00"));
        }

        @Test
        void skipsConsecutiveHolidaysOnBothSidesOfTheWeekend() {
            OfficeHoursCalendar withHolidays = calendar.withHolidays(LocalDate.parse("2026-12-03"),
                    LocalDate.parse("2026-12-06"));

            assertThat(withHolidays.addBusinessTime(at("2026-12-02T17:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-12-07T09:00"));
        }

        @Test
        void skipsRoshHashanaThatJoinsTheWeekend() {
            // Rosh Hashana 5787 falls on Saturday 12 and Sunday 13 September 2026.
            OfficeHoursCalendar roshHashana = calendar.withHolidays(LocalDate.parse("2026-09-12"),
                    LocalDate.parse("2026-09-13"));

            assertThat(roshHashana.addBusinessTime(at("2026-09-10T17:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-09-14T09:00"));
        }

        @Test
        void closesEarlyOnAHolidayEveAndSkipsTheHoliday() {
            // Erev Yom Kippur (Sunday 20 September 2026) closes at 13:00; Yom Kippur is the next day.
            OfficeHoursCalendar yomKippur = calendar.withHolidays(LocalDate.parse("2026-09-21"))
                    .withHalfDays(LocalTime.of(13, 0), LocalDate.parse("2026-09-20"));

            assertThat(yomKippur.addBusinessTime(at("2026-09-20T12:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-09-22T09:00"));
            assertThat(yomKippur.businessTimeBetween(at("2026-09-20T00:00"), at("2026-09-21T23:59")))
                    .isEqualTo(Duration.ofHours(5));
        }

        @Test
        void letsAHolidayWinOverAHalfDayOnTheSameDate() {
            LocalDate date = LocalDate.parse("2026-11-24");
            OfficeHoursCalendar both = calendar.withHolidays(date).withHalfDays(LocalTime.NOON, date);

            assertThat(both.isBusinessDay(date)).isFalse();
        }

        @Test
        void ignoresAHolidayThatFallsOnTheWeekend() {
            OfficeHoursCalendar saturdayHoliday = calendar.withHolidays(LocalDate.parse("2026-11-28"));

            assertThat(saturdayHoliday.addBusinessTime(at("2026-11-26T17:00"), Duration.ofHours(4)))
                    .isEqualTo(at("2026-11-29T11:00"));
        }

        @Test
        void readsHolidaysAndHalfDaysFromTheConfiguration() {
            OfficeHoursCalendar configured = OfficeHoursCalendar.from(SlaTestConfig.with(Map.of(
                    "tikun.routing.sla.holidays", "2026-11-24,2026-11-25",
                    "tikun.routing.sla.half-days", "2026-11-23",
                    "tikun.routing.sla.half-day-closing", "14:00")));

            assertThat(configured.addBusinessTime(at("2026-11-23T13:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-11-26T09:00"));
        }
    }

    @Nested
    class BusinessTimeBetween {

        @Test
        void countsOnlyOpenHoursAcrossTheWeekend() {
            assertThat(calendar.businessTimeBetween(at("2026-11-26T17:00"), at("2026-11-29T11:00")))
                    .isEqualTo(Duration.ofHours(4));
        }

        @Test
        void isNegativeWhenTheEndComesFirst() {
            assertThat(calendar.businessTimeBetween(at("2026-11-29T11:00"), at("2026-11-26T17:00")))
                    .isEqualTo(Duration.ofHours(-4));
        }

        @Test
        void isZeroOverAWeekendAndForTheSameInstant() {
            assertThat(calendar.businessTimeBetween(at("2026-11-26T18:00"), at("2026-11-29T08:00")))
                    .isZero();
            assertThat(calendar.businessTimeBetween(at("2026-11-23T10:00"), at("2026-11-23T10:00")))
                    .isZero();
        }

        @Test
        void countsAFullWorkingWeek() {
            assertThat(calendar.businessTimeBetween(at("2026-11-21T00:00"), at("2026-11-28T00:00")))
                    .isEqualTo(Duration.ofHours(50));
        }

        @Test
        void leavesOutHolidays() {
            OfficeHoursCalendar withHoliday = calendar.withHolidays(LocalDate.parse("2026-11-24"));

            assertThat(withHoliday.businessTimeBetween(at("2026-11-21T00:00"), at("2026-11-28T00:00")))
                    .isEqualTo(Duration.ofHours(40));
        }
    }

    @Nested
    class OpenHours {

        @Test
        void isOpenFromOpeningUntilJustBeforeClosing() {
            assertThat(calendar.isOpen(at("2026-11-23T07:59:59.999999999"))).isFalse();
            assertThat(calendar.isOpen(at("2026-11-23T08:00"))).isTrue();
            assertThat(calendar.isOpen(at("2026-11-23T17:59:59.999999999"))).isTrue();
            assertThat(calendar.isOpen(at("2026-11-23T18:00"))).isFalse();
        }

        @Test
        void isClosedOnFridayAndSaturday() {
            assertThat(calendar.isOpen(at("2026-11-27T12:00"))).isFalse();
            assertThat(calendar.isOpen(at("2026-11-28T12:00"))).isFalse();
        }

        @Test
        void isClosedOnAHolidayAndAfterAnEarlyClosing() {
            OfficeHoursCalendar special = calendar.withHolidays(LocalDate.parse("2026-11-24"))
                    .withHalfDays(LocalTime.of(13, 0), LocalDate.parse("2026-11-25"));

            assertThat(special.isOpen(at("2026-11-24T12:00"))).isFalse();
            assertThat(special.isOpen(at("2026-11-25T12:59"))).isTrue();
            assertThat(special.isOpen(at("2026-11-25T13:00"))).isFalse();
        }

        @Test
        void nextOpeningIsTheInstantItselfWhileOpen() {
            assertThat(calendar.nextOpening(at("2026-11-23T10:15"))).isEqualTo(at("2026-11-23T10:15"));
        }

        @Test
        void nextOpeningIsThisMorningBeforeOpening() {
            assertThat(calendar.nextOpening(at("2026-11-23T05:00"))).isEqualTo(at("2026-11-23T08:00"));
        }

        @Test
        void nextOpeningIsTomorrowMorningAfterClosing() {
            assertThat(calendar.nextOpening(at("2026-11-23T18:00"))).isEqualTo(at("2026-11-24T08:00"));
        }

        @Test
        void nextOpeningAfterThursdayClosingIsSundayMorning() {
            assertThat(calendar.nextOpening(at("2026-11-26T20:00"))).isEqualTo(at("2026-11-29T08:00"));
        }

        @Test
        void nextOpeningSkipsHolidaysBorderingTheWeekend() {
            OfficeHoursCalendar withHolidays = calendar.withHolidays(LocalDate.parse("2026-11-26"),
                    LocalDate.parse("2026-11-29"));

            assertThat(withHolidays.nextOpening(at("2026-11-25T19:00"))).isEqualTo(at("2026-11-30T08:00"));
        }
    }

    @Nested
    class Construction {

        @Test
        void refusesAWeekWithoutWorkingDays() {
            assertThatThrownBy(() -> OfficeHoursCalendar.of(Jerusalem.ZONE, Set.of(), Jerusalem.OPENING,
                    Jerusalem.CLOSING)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesClosingBeforeOpening() {
            assertThatThrownBy(() -> OfficeHoursCalendar.of(Jerusalem.ZONE, Jerusalem.workingWeek(),
                    LocalTime.of(18, 0), LocalTime.of(8, 0))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesAnEarlyClosingOutsideOpenHours() {
            assertThatThrownBy(() -> calendar.withHalfDays(LocalTime.of(7, 0), LocalDate.parse("2026-11-24")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.withHalfDays(LocalTime.of(19, 0), LocalDate.parse("2026-11-24")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void cannotBeChangedThroughTheSetsItWasBuiltFrom() {
            Set<DayOfWeek> days = new HashSet<>(Jerusalem.workingWeek());
            OfficeHoursCalendar built = OfficeHoursCalendar.of(Jerusalem.ZONE, days, Jerusalem.OPENING,
                    Jerusalem.CLOSING);

            days.add(DayOfWeek.FRIDAY);

            assertThat(built.workingDays()).doesNotContain(DayOfWeek.FRIDAY);
            assertThatThrownBy(() -> built.workingDays().add(DayOfWeek.SATURDAY))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void isBuiltFromTheDefaultConfigurationAsTheIsraeliWeek() {
            OfficeHoursCalendar fromDefaults = OfficeHoursCalendar.from(SlaTestConfig.defaults());

            assertThat(fromDefaults.zone()).isEqualTo(Jerusalem.ZONE);
            assertThat(fromDefaults.workingDays()).isEqualTo(Jerusalem.workingWeek());
            assertThat(fromDefaults.opening()).isEqualTo(Jerusalem.OPENING);
            assertThat(fromDefaults.closing()).isEqualTo(Jerusalem.CLOSING);
            assertThat(fromDefaults.holidays()).isEmpty();
            assertThat(fromDefaults.halfDays()).isEmpty();
            assertThat(fromDefaults.halfDayClosing()).isEqualTo(LocalTime.of(13, 0));
        }
    }
}
