package io.tikun.routing.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Weekly resolution counts of the weeks that can no longer change, kept after their first reading. A resolution is
 * dated when routing records it, so once a week (UTC) has ended and {@link #SETTLED} has passed for the last
 * transactions of its final moments, its counts are final: the trends report then reads only the weeks still open.
 */
final class ClosedWeeks {

    /** How long after its end a week is taken as closed: far longer than a transaction that dated a resolution. */
    static final Duration SETTLED = Duration.ofHours(1);

    private final Map<TrendBy, NavigableMap<LocalDate, List<Trends.Count>>> known = new EnumMap<>(TrendBy.class);

    ClosedWeeks() {
        for (TrendBy by : TrendBy.values()) {
            known.put(by, new ConcurrentSkipListMap<>());
        }
    }

    /** The Monday of the first week not yet closed at {@code now}: every week before it is closed. */
    static LocalDate openFrom(Instant now) {
        return LocalDate.ofInstant(now.minus(SETTLED), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first week in {@code [from, until)} whose counts are not kept, or null when all are. */
    LocalDate firstMissing(TrendBy by, LocalDate from, LocalDate until) {
        for (LocalDate monday = from; monday.isBefore(until); monday = monday.plusWeeks(1)) {
            if (!known.get(by).containsKey(monday)) {
                return monday;
            }
        }
        return null;
    }

    /** Keeps the counts of every week in {@code [from, until)} as read: a week absent from them counted nothing. */
    void keep(TrendBy by, LocalDate from, LocalDate until, List<Trends.Count> counted) {
        for (LocalDate monday = from; monday.isBefore(until); monday = monday.plusWeeks(1)) {
            LocalDate week = monday;
            known.get(by).put(week, counted.stream().filter(c -> c.monday().equals(week)).toList());
        }
    }

    /** The kept counts of the weeks in {@code [from, until)}. */
    List<Trends.Count> kept(TrendBy by, LocalDate from, LocalDate until) {
        List<Trends.Count> counts = new ArrayList<>();
        known.get(by).subMap(from, true, until, false).values().forEach(counts::addAll);
        return counts;
    }
}
