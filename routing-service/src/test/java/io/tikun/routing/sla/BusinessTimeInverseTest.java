package io.tikun.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property checks over many generated starts and amounts with a fixed seed, so a failure reproduces: adding
 * business time and measuring it are inverse, and both agree with a minute-by-minute count of open minutes.
 */
class BusinessTimeInverseTest {

    private static final long SEED = 20261123L;
    private static final int SAMPLES = 3000;
    private static final int ORACLE_SAMPLES = 200;
    private static final Instant RANGE_START = Instant.parse("2025-12-25T00:00:00Z");
    /** Two years, so both years' DST changes and the configured holidays are crossed. */
    private static final long RANGE_SECONDS = Duration.ofDays(730).toSeconds();
    private static final long MAX_AMOUNT_SECONDS = Duration.ofHours(200).toSeconds();
    private static final long MAX_ORACLE_MINUTES = Duration.ofHours(8).toMinutes();

    static Stream<BusinessCalendar> calendars() {
        OfficeHoursCalendar israeli = Jerusalem.officeHours()
                .withHolidays(LocalDate.parse("2026-09-12"), LocalDate.parse("2026-09-13"),
                        LocalDate.parse("2026-09-21"), LocalDate.parse("2026-09-26"), LocalDate.parse("2026-10-03"),
                        LocalDate.parse("2027-04-22"), LocalDate.parse("2027-04-28"))
                .withHalfDays(LocalTime.of(13, 0), LocalDate.parse("2026-09-20"), LocalDate.parse("2027-04-21"));
        // Opening and closing on DST transitions in both directions.
        OfficeHoursCalendar nightShift = OfficeHoursCalendar.of(Jerusalem.ZONE, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(1, 30), LocalTime.of(2, 30));
        return Stream.of(israeli, nightShift, BusinessCalendar.aroundTheClock());
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void measuresBackExactlyTheBusinessTimeItAdded(BusinessCalendar calendar) {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = randomInstant(random);
            Duration amount = Duration.ofSeconds(Math.abs(random.nextLong() % MAX_AMOUNT_SECONDS),
                    random.nextInt(1_000_000_000));

            Instant due = calendar.addBusinessTime(start, amount);

            assertThat(due).as("due for %s + %s", start, amount).isAfterOrEqualTo(start);
            assertThat(calendar.businessTimeBetween(start, due)).as("business time %s to %s", start, due)
                    .isEqualTo(amount);
            assertThat(calendar.businessTimeBetween(due, start)).isEqualTo(amount.negated());
            if (!amount.isZero()) {
                // The last nanosecond before a deadline is always counted, so no deadline sits in a closed period.
                assertThat(calendar.isOpen(due.minusNanos(1))).as("open just before %s", due).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void addsBackTheBusinessTimeItMeasured(BusinessCalendar calendar) {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            Instant from = randomInstant(random);
            Instant to = from.plusSeconds(Math.abs(random.nextLong() % MAX_AMOUNT_SECONDS))
                    .plusNanos(random.nextInt(1_000_000_000));
            Duration elapsed = calendar.businessTimeBetween(from, to);

            Instant reached = calendar.addBusinessTime(from, elapsed);

            assertThat(reached).isBeforeOrEqualTo(to);
            assertThat(calendar.businessTimeBetween(reached, to)).isZero();
            if (calendar.isOpen(to) && !elapsed.isZero()) {
                assertThat(reached).as("from %s to open %s", from, to).isEqualTo(to);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void addsInStepsAsInOne(BusinessCalendar calendar) {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = randomInstant(random);
            Duration first = Duration.ofSeconds(Math.abs(random.nextLong() % MAX_AMOUNT_SECONDS));
            Duration second = Duration.ofSeconds(Math.abs(random.nextLong() % MAX_AMOUNT_SECONDS));

            assertThat(calendar.addBusinessTime(calendar.addBusinessTime(start, first), second))
                    .isEqualTo(calendar.addBusinessTime(start, first.plus(second)));
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void agreesWithCountingOpenMinutesOneByOne(BusinessCalendar calendar) {
        Random random = new Random(SEED);
        for (int i = 0; i < ORACLE_SAMPLES; i++) {
            Instant start = randomInstant(random).truncatedTo(ChronoUnit.MINUTES);
            long minutes = 1 + Math.abs(random.nextLong() % MAX_ORACLE_MINUTES);

            assertThat(calendar.addBusinessTime(start, Duration.ofMinutes(minutes)))
                    .as("%s + %d minutes", start, minutes)
                    .isEqualTo(endOfOpenMinutes(calendar, start, minutes));
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void findsTheNextOpeningAsTheEarliestOpenInstant(BusinessCalendar calendar) {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            Instant at = randomInstant(random);

            Instant opening = calendar.nextOpening(at);

            assertThat(opening).isAfterOrEqualTo(at);
            assertThat(calendar.isOpen(opening)).isTrue();
            assertThat(calendar.businessTimeBetween(at, opening)).isZero();
            if (opening.isAfter(at)) {
                assertThat(calendar.isOpen(opening.minusNanos(1))).isFalse();
            }
        }
    }

    /**
     * The reference: walks whole minutes and counts those during which the calendar is open. Transitions,
     * openings and closings in the generated calendars all fall on whole minutes.
     */
    private static Instant endOfOpenMinutes(BusinessCalendar calendar, Instant start, long minutes) {
        Instant cursor = start;
        long counted = 0;
        while (true) {
            if (calendar.isOpen(cursor)) {
                counted++;
                if (counted == minutes) {
                    return cursor.plus(1, ChronoUnit.MINUTES);
                }
            }
            cursor = cursor.plus(1, ChronoUnit.MINUTES);
        }
    }

    private static Instant randomInstant(Random random) {
        long seconds = Math.abs(random.nextLong() % RANGE_SECONDS);
        return RANGE_START.plusSeconds(seconds).plusNanos(random.nextInt(1_000_000_000));
    }
}
