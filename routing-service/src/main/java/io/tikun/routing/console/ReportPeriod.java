package io.tikun.routing.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * The reports page's period: whole days {@code from} to {@code to} (inclusive) in the user's zone, cut into weeks that
 * start on {@code from}; {@code error} says in the page's language why the form's dates were refused.
 */
@TemplateData
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone, String error) {

    public static final int MAX_WEEKS = 26;
    static final int DEFAULT_WEEKS = 8;
    private static final int WEEK = 7;

    /** The form's dates; none at all means the last {@value #DEFAULT_WEEKS} weeks up to {@code today}. */
    static ReportPeriod of(String from, String to, LocalDate today, ZoneId zone, ConsoleMessages m) {
        LocalDate fallbackTo = today;
        LocalDate fallbackFrom = today.minusWeeks(DEFAULT_WEEKS).plusDays(1);
        if (blank(from) && blank(to)) {
            return new ReportPeriod(fallbackFrom, fallbackTo, zone, null);
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from.strip());
            end = LocalDate.parse(to.strip());
        } catch (DateTimeException | NullPointerException e) {
            return new ReportPeriod(fallbackFrom, fallbackTo, zone, m.badDates());
        }
        if (start.isAfter(end)) {
            return new ReportPeriod(fallbackFrom, fallbackTo, zone, m.datesOrder());
        }
        if (ChronoUnit.DAYS.between(start, end) >= (long) MAX_WEEKS * WEEK) {
            return new ReportPeriod(fallbackFrom, fallbackTo, zone, m.tooLong(MAX_WEEKS));
        }
        return new ReportPeriod(start, end, zone, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The weeks of the period, the last one cut at its end. */
    public List<Week> weeks() {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(WEEK)) {
            LocalDate next = day.plusDays(WEEK);
            LocalDate stop = next.isAfter(to.plusDays(1)) ? to.plusDays(1) : next;
            weeks.add(new Week(day, day.atStartOfDay(zone).toInstant(), stop.atStartOfDay(zone).toInstant()));
        }
        return weeks;
    }

    /** Days {@code [start, end)} of one week; its label is its first day. */
    public record Week(LocalDate first, Instant start, Instant end) {

        public String label() {
            return first.toString();
        }

        boolean holds(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }

        /** Whether {@code day} (a day of the period's zone) is one of the week's days. */
        boolean holds(LocalDate day, ZoneId zone) {
            return holds(day.atStartOfDay(zone).toInstant());
        }
    }
}
