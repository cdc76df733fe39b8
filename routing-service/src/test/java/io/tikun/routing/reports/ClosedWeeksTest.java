package io.tikun.routing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClosedWeeksTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    @Test
    void aWeekClosesAnHourAfterItsSundayEndsInUtc() {
        Instant weekEnd = Instant.parse("2026-12-07T00:00:00Z");

        assertThat(ClosedWeeks.openFrom(weekEnd.plus(ClosedWeeks.SETTLED).minusSeconds(1))).isEqualTo(MONDAY);
        assertThat(ClosedWeeks.openFrom(weekEnd.plus(ClosedWeeks.SETTLED))).isEqualTo(MONDAY.plusWeeks(1));
        assertThat(ClosedWeeks.openFrom(Instant.parse("2026-12-03T12:00:00Z"))).isEqualTo(MONDAY);
    }

    @Test
    void keptWeeksIncludeTheOnesThatCountedNothing() {
        ClosedWeeks closed = new ClosedWeeks();
        LocalDate until = MONDAY.plusWeeks(3);
        Trends.Count first = new Trends.Count(MONDAY, "billing", 4);
        Trends.Count third = new Trends.Count(MONDAY.plusWeeks(2), "delivery", 2);

        closed.keep(TrendBy.CATEGORY, MONDAY, until, List.of(first, third));

        assertThat(closed.firstMissing(TrendBy.CATEGORY, MONDAY, until)).isNull();
        assertThat(closed.kept(TrendBy.CATEGORY, MONDAY, until)).containsExactly(first, third);
        assertThat(closed.kept(TrendBy.CATEGORY, MONDAY.plusWeeks(1), until)).containsExactly(third);
    }

    @Test
    void theFirstMissingWeekIsTheEarliestNotKeptForThatGrouping() {
        ClosedWeeks closed = new ClosedWeeks();
        closed.keep(TrendBy.CATEGORY, MONDAY, MONDAY.plusWeeks(2), List.of());

        assertThat(closed.firstMissing(TrendBy.CATEGORY, MONDAY.minusWeeks(1), MONDAY.plusWeeks(2)))
                .isEqualTo(MONDAY.minusWeeks(1));
        assertThat(closed.firstMissing(TrendBy.CATEGORY, MONDAY, MONDAY.plusWeeks(3))).isEqualTo(MONDAY.plusWeeks(2));
        assertThat(closed.firstMissing(TrendBy.ROOT_CAUSE, MONDAY, MONDAY.plusWeeks(1))).isEqualTo(MONDAY);
        assertThat(closed.firstMissing(TrendBy.CATEGORY, MONDAY, MONDAY)).isNull();
    }
}
