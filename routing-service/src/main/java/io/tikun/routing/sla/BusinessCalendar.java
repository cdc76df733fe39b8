package io.tikun.routing.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours in which an SLA clock runs: office hours for most severities, every hour for CRITICAL.
 *
 * <p>
 * All methods are pure functions of their arguments, so deadlines can be recomputed anywhere (a timer, a
 * query, a test) and always agree.
 */
public sealed interface BusinessCalendar permits OfficeHoursCalendar, AroundTheClockCalendar {

    /**
     * The earliest instant at which {@code amount} of business time has elapsed since {@code start}. A
     * deadline that uses up a day exactly falls at closing time rather than at the next opening; a zero
     * amount is due at {@code start}.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    Instant addBusinessTime(Instant start, Duration amount);

    /**
     * Business time elapsed from {@code from} to {@code to}; negative when {@code to} is earlier, so that an
     * overdue clock shows by how much.
     */
    Duration businessTimeBetween(Instant from, Instant to);

    /** Whether business time runs at this instant. */
    boolean isOpen(Instant at);

    /** The first instant at or after {@code at} at which business time runs: {@code at} itself when open. */
    Instant nextOpening(Instant at);

    /** The calendar in which every hour is a business hour. */
    static BusinessCalendar aroundTheClock() {
        return AroundTheClockCalendar.INSTANCE;
    }

    /** The office-hours calendar the configuration describes. */
    static OfficeHoursCalendar officeHours(SlaConfig config) {
        return OfficeHoursCalendar.from(config);
    }
}
