package io.tikun.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pausable SLA countdown, small enough to store in two columns beside a case ({@code remaining},
 * {@code runningSince}).
 *
 * <p>
 * While running, the deadline is {@code remaining} business time after {@code runningSince}; while
 * paused (the case waits on the customer) no business time is consumed. The calendar is passed in rather
 * than kept, because it follows from the case's severity and the configuration, not from the timer.
 *
 * @param target the full SLA target, to tell how much of it is used up
 * @param remaining business time left when the timer last started or paused; negative if it was paused
 *        after its deadline, so an overdue case stays overdue
 * @param runningSince when the timer last started or resumed; {@code null} while paused
 */
public record SlaTimer(Duration target, Duration remaining, Instant runningSince) {

    public SlaTimer {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(remaining, "remaining");
        if (target.isNegative()) {
            throw new IllegalArgumentException("An SLA target must not be negative: " + target);
        }
        if (remaining.compareTo(target) > 0) {
            throw new IllegalArgumentException("Remaining " + remaining + " exceeds the target " + target);
        }
    }

    /** A timer for {@code target} that starts running at {@code start}. */
    public static SlaTimer startedAt(Duration target, Instant start) {
        return new SlaTimer(target, target, Objects.requireNonNull(start, "start"));
    }

    public boolean isRunning() {
        return runningSince != null;
    }

    /**
     * Stops the countdown at {@code at}, keeping the business time still left. Pausing a paused timer
     * changes nothing, so a redelivered "waiting on customer" event is harmless.
     */
    public SlaTimer pause(Instant at, BusinessCalendar calendar) {
        if (!isRunning()) {
            return this;
        }
        requireNotBeforeStart(at);
        return new SlaTimer(target, remainingAt(at, calendar), null);
    }

    /** Restarts the countdown at {@code at}; resuming a running timer changes nothing. */
    public SlaTimer resume(Instant at) {
        Objects.requireNonNull(at, "at");
        if (isRunning()) {
            return this;
        }
        return new SlaTimer(target, remaining, at);
    }

    /**
     * When the time runs out; empty while paused. A timer resumed while already overdue is due at once, at
     * the instant it resumed.
     */
    public Optional<Instant> deadline(BusinessCalendar calendar) {
        if (!isRunning()) {
            return Optional.empty();
        }
        if (remaining.isNegative()) {
            return Optional.of(runningSince);
        }
        return Optional.of(calendar.addBusinessTime(runningSince, remaining));
    }

    /** Business time left at {@code now}; negative once the deadline has passed. */
    public Duration remainingAt(Instant now, BusinessCalendar calendar) {
        Objects.requireNonNull(now, "now");
        // A moment before the timer started has consumed nothing yet.
        if (!isRunning() || !now.isAfter(runningSince)) {
            return remaining;
        }
        return remaining.minus(calendar.businessTimeBetween(runningSince, now));
    }

    /** How much of the target is used up at {@code now}. */
    public BreachRisk breachRisk(Instant now, BusinessCalendar calendar) {
        Duration left = remainingAt(now, calendar);
        if (target.isZero()) {
            // Nothing was ever allowed, so everything is used up.
            return new BreachRisk(left, 1.0);
        }
        double consumed = (double) target.minus(left).toNanos() / target.toNanos();
        return new BreachRisk(left, consumed);
    }

    private void requireNotBeforeStart(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(runningSince)) {
            throw new IllegalArgumentException("Cannot pause at " + at + ", before the timer ran from " + runningSince);
        }
    }
}
