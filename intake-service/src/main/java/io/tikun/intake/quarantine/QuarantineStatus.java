package io.tikun.intake.quarantine;

/** Whether a quarantined payload still waits for an operator. */
public enum QuarantineStatus {
    /** Kept, not yet successfully replayed. */
    HELD,
    /** Replayed after a fix and turned into a complaint. */
    REPLAYED
}
