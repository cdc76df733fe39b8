package io.tikun.intake.severity;

/** How bad a complaint is, in increasing order. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public Severity atLeast(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
