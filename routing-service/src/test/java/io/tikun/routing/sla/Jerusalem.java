package io.tikun.routing.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** Test fixtures: wall-clock instants in Israel and the default Israeli office calendar. */
final class Jerusalem {

    static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    static final LocalTime OPENING = LocalTime.of(8, 0);
    static final LocalTime CLOSING = LocalTime.of(18, 0);

    private Jerusalem() {
    }

    /** The office calendar of ARCHITECTURE.md: Sunday to Thursday 08:00-18:00, no holidays. */
    static OfficeHoursCalendar officeHours() {
        return OfficeHoursCalendar.of(ZONE, workingWeek(), OPENING, CLOSING);
    }

    static Set<DayOfWeek> workingWeek() {
        return EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY);
    }

    /** The instant the Israeli wall clock shows this local time, e.g. {@code at("2026-11-26T17:00")}. */
    static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZONE).toInstant();
    }

    /** The wall-clock time an instant shows in Israel, for readable assertions. */
    static LocalDateTime wallClock(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }
}
