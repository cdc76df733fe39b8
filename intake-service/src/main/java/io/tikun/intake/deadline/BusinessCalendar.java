package io.tikun.intake.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Opening hours in one time zone: the same hours on each workday, no hours on holidays. Business
 * time is counted on the instant line between local opening and closing, so a day whose hours a DST
 * change falls into is as long as it really is.
 */
public final class BusinessCalendar {

    private static final int DAYS_PER_WEEK = 7;

    private final ZoneId zone;
    private final Set<DayOfWeek> workdays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workdays, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        if (workdays.isEmpty() || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("a business calendar needs workdays and opening before closing hours");
        }
        this.zone = zone;
        this.workdays = Set.copyOf(workdays);
        this.opens = opens;
        this.closes = closes;
        this.holidays = Set.copyOf(holidays);
    }

    /** The instant {@code amount} of business time after {@code start} (which may fall outside business hours). */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time only runs forward");
        }
        Duration remaining = amount;
        Instant cursor = start;
        LocalDate day = start.atZone(zone).toLocalDate();
        // Each pass consumes one open day; a year of holidays beyond the amount's days would be a misconfiguration.
        long maxDays = amount.toDays() * DAYS_PER_WEEK + holidays.size() + ChronoUnit.YEARS.getDuration().toDays();
        for (long passes = 0; passes <= maxDays; passes++, day = day.plusDays(1)) {
            if (!isOpen(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, opens, zone).toInstant();
            Instant close = ZonedDateTime.of(day, closes, zone).toInstant();
            if (cursor.isBefore(open)) {
                cursor = open;
            }
            if (!cursor.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(cursor, close);
            if (remaining.compareTo(available) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(available);
            cursor = close;
        }
        throw new IllegalStateException("no business hours within " + maxDays + " days of " + start);
    }

    private boolean isOpen(LocalDate day) {
        return workdays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
