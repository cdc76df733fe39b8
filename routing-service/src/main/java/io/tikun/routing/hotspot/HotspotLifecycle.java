package io.tikun.routing.hotspot;

import java.time.Duration;
import java.time.Instant;

/** The state rules of a hotspot: current until its window plus the cool-down has ended or a manager acknowledged it. */
public final class HotspotLifecycle {

    private HotspotLifecycle() {
    }

    /** When a hotspot whose window ends at {@code windowEnd} becomes past by itself. */
    public static Instant pastFrom(Instant windowEnd, Duration coolDown) {
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("the cool-down cannot be negative: " + coolDown);
        }
        return windowEnd.plus(coolDown);
    }

    /** The state at {@code now} of a hotspot past from {@code pastFrom}, acknowledged at {@code acknowledgedAt} (or not). */
    public static HotspotState stateAt(Instant pastFrom, Instant acknowledgedAt, Instant now) {
        boolean acknowledged = acknowledgedAt != null && !acknowledgedAt.isAfter(now);
        return acknowledged || !now.isBefore(pastFrom) ? HotspotState.PAST : HotspotState.CURRENT;
    }
}
