package io.tikun.routing.workspace;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.qute.TemplateData;

/**
 * How a deadline looks in a queue: green while plenty of time is left, amber when less than the configured fraction of
 * the time from start to deadline remains, red once it has passed; {@code NONE} when no clock runs (answered, resolved,
 * or waiting on the customer).
 */
@TemplateData
public record SlaCountdown(Tone tone, Duration remaining, Instant due) {

    /** The colour of a countdown. */
    public enum Tone {
        GREEN,
        AMBER,
        RED,
        NONE
    }

    public static SlaCountdown stopped() {
        return new SlaCountdown(Tone.NONE, Duration.ZERO, null);
    }

    /** The countdown to {@code due} of a clock that started at {@code start}, seen at {@code now}. */
    public static SlaCountdown of(Instant start, Instant due, Instant now, double amberBelow) {
        Duration remaining = Duration.between(now, due);
        if (remaining.isNegative() || remaining.isZero()) {
            return new SlaCountdown(Tone.RED, remaining, due);
        }
        Duration total = Duration.between(start, due);
        boolean amber = total.isNegative() || total.isZero() || remaining.toMillis() < total.toMillis() * amberBelow;
        return new SlaCountdown(amber ? Tone.AMBER : Tone.GREEN, remaining, due);
    }

    public boolean running() {
        return tone != Tone.NONE;
    }

    public boolean overdue() {
        return tone == Tone.RED;
    }

    public String toneClass() {
        return "sla-" + tone.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The time left (or overdue) in days, hours and minutes, such as {@code 1d 3h}, {@code 2h 05m} or {@code 7m}. */
    public String amount() {
        Duration d = remaining.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format(java.util.Locale.ROOT, "%02dm", minutes);
        }
        return Math.max(minutes, d.isZero() ? 0 : 1) + "m";
    }
}
