package io.tikun.followup.outbox;

import java.time.Duration;
import java.util.Objects;

import io.tikun.followup.FollowupConfig;

/** When a failed e-mail is tried again: the pause doubles after each failure, up to a ceiling, for a bounded count. */
public record MailBackoff(Duration firstRetryAfter, Duration maxRetryAfter, int maxAttempts) {

    public MailBackoff {
        Objects.requireNonNull(firstRetryAfter, "firstRetryAfter");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (firstRetryAfter.isNegative() || firstRetryAfter.isZero()) {
            throw new IllegalArgumentException("tikun.followup.mail.first-retry-after must be positive: " + firstRetryAfter);
        }
        if (maxRetryAfter.compareTo(firstRetryAfter) < 0) {
            throw new IllegalArgumentException("tikun.followup.mail.max-retry-after (" + maxRetryAfter
                    + ") must not be shorter than first-retry-after (" + firstRetryAfter + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tikun.followup.mail.max-attempts must be at least 1: " + maxAttempts);
        }
    }

    public static MailBackoff from(FollowupConfig.Mail config) {
        return new MailBackoff(config.firstRetryAfter(), config.maxRetryAfter(), config.maxAttempts());
    }

    /** Whether an e-mail that has failed {@code attempts} times may be tried again. */
    public boolean retries(int attempts) {
        return attempts < maxAttempts;
    }

    /** The pause after the {@code attempts}th failed attempt (1 for the first). */
    public Duration pauseAfter(int attempts) {
        Duration pause = firstRetryAfter;
        for (int i = 1; i < attempts && pause.compareTo(maxRetryAfter) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : pause;
    }
}
