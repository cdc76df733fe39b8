package io.tikun.routing.sla;

import io.tikun.routing.escalation.Severity;

/** Picks the value configured for a severity, so every per-severity group maps severities the same way. */
final class SeverityTargets {

    private SeverityTargets() {
    }

    static <T> T pick(Severity severity, T low, T medium, T high, T critical) {
        switch (severity) {
            case LOW:
                return low;
            case MEDIUM:
                return medium;
            case HIGH:
                return high;
            case CRITICAL:
                return critical;
            default:
                throw new IllegalArgumentException("Unknown severity " + severity);
        }
    }
}
