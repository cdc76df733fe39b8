package io.tikun.routing.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolutions per ISO week (Monday to Sunday, UTC) by category or root cause, the oldest week first; every week of the
 * period is listed and every value of the configured list counted, with zeros where nothing was resolved.
 */
public record Trends(String by, int weeks, LocalDate from, List<String> values, List<Week> series) {

    /** One week: {@code week} as {@code 2026-W49}, the Monday it starts on, its counts by value and their total. */
    public record Week(String week, LocalDate start, Map<String, Long> counts, long total) {
    }

    /** What the store counted: resolved cases of {@code value} in the week starting {@code monday}. */
    public record Count(LocalDate monday, String value, long count) {
    }

    /** The Monday of the first of the {@code weeks} weeks ending with the one {@code today} is in. */
    public static LocalDate firstMonday(LocalDate today, int weeks) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
    }

    public static Trends of(TrendBy by, int weeks, LocalDate today, List<String> configured, List<Count> counted) {
        LocalDate first = firstMonday(today, weeks);
        Set<String> values = new LinkedHashSet<>(configured);
        counted.forEach(c -> values.add(c.value()));
        List<Week> series = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            LocalDate monday = first.plusWeeks(i);
            Map<String, Long> counts = new LinkedHashMap<>();
            values.forEach(v -> counts.put(v, 0L));
            counted.stream().filter(c -> c.monday().equals(monday)).forEach(c -> counts.merge(c.value(), c.count(), Long::sum));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            series.add(new Week(isoWeek(monday), monday, counts, total));
        }
        return new Trends(by.parameter(), weeks, first, List.copyOf(values), series);
    }

    static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
