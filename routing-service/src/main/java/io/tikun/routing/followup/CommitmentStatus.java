package io.tikun.routing.followup;

/** Where a commitment stands after a change, by follow-up's names on {@code commitments.updated} ({@code status}). */
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
