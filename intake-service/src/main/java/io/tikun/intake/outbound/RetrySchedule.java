package io.tikun.intake.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * When a message refused for now is tried again: after the provider's Retry-After when it gave one, else after
 * {@code first-backoff} doubled for each attempt made, at most {@code max-backoff}; never after {@code max-attempts}.
 */
public record RetrySchedule(Duration firstBackoff, Duration maxBackoff, int maxAttempts) {

    public static RetrySchedule of(OutboundConfig config) {
        return new RetrySchedule(config.firstBackoff(), config.maxBackoff(), config.maxAttempts());
    }

    /** True when {@code attemptsMade} attempts are all a message gets. */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** When the attempt after {@code attemptsMade} is due, seen from {@code now}. */
    public Instant nextAttempt(Instant now, int attemptsMade, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return now.plus(retryAfter);
        }
        Duration wait = firstBackoff;
        for (int i = 1; i < attemptsMade && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }
}
