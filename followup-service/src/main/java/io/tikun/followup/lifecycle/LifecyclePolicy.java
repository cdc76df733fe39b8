package io.tikun.followup.lifecycle;

import java.time.Duration;
import java.util.Objects;

import io.tikun.followup.FollowupConfig;

/** The configurable timing and dispute limit of the lifecycle, checked once so the rules can trust it. */
public record LifecyclePolicy(Duration dueSoonBefore, Duration gracePeriod, Duration customerReminderAfter,
        int maxDisputes) {

    public LifecyclePolicy {
        requirePositive(dueSoonBefore, "due-soon-before");
        requirePositive(gracePeriod, "grace-period");
        requirePositive(customerReminderAfter, "customer-reminder-after");
        if (maxDisputes < 1) {
            throw new IllegalArgumentException("tikun.followup.lifecycle.max-disputes must be at least 1: " + maxDisputes);
        }
    }

    public static LifecyclePolicy from(FollowupConfig.Lifecycle config) {
        return new LifecyclePolicy(config.dueSoonBefore(), config.gracePeriod(), config.customerReminderAfter(),
                config.maxDisputes());
    }

    private static void requirePositive(Duration value, String key) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tikun.followup.lifecycle." + key + " must be positive: " + value);
        }
    }
}
