package io.tikun.followup.commitment;

/** The life of a promise, from made to verified by the customer (or broken). */
public enum CommitmentStatus {
    OPEN,
    DUE_SOON,
    OVERDUE,
    CLAIMED_DONE,
    VERIFIED,
    DISPUTED,
    BROKEN,
    UNCONFIRMED
}
