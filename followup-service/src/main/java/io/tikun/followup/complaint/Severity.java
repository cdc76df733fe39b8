package io.tikun.followup.complaint;

/** How severe intake judged a complaint (or what one of its signals implies), as its schema enumerates it. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
