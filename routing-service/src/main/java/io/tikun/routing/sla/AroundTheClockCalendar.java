package io.tikun.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Every hour of every day is business time: plain instant arithmetic, immune to DST and holidays. */
public final class AroundTheClockCalendar implements BusinessCalendar {

    static final AroundTheClockCalendar INSTANCE = new AroundTheClockCalendar();

    private AroundTheClockCalendar() {
    }

    @Override
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        OfficeHoursCalendar.requireNotNegative(amount);
        return start.plus(amount);
    }

    @Override
    public Duration businessTimeBetween(Instant from, Instant to) {
        return Duration.between(from, to);
    }

    @Override
    public boolean isOpen(Instant at) {
        Objects.requireNonNull(at, "at");
        return true;
    }

    @Override
    public Instant nextOpening(Instant at) {
        return Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "AroundTheClockCalendar";
    }
}
