package io.tikun.routing.escalation;

/** A complaint's severity as intake judged it. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
