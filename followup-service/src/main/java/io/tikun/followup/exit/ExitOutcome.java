package io.tikun.followup.exit;

/** What the retention team's conversation with a departing customer achieved. */
public enum ExitOutcome {
    /** The customer stays. */
    RETAINED,
    /** The customer left; the reasons are in the notes. */
    LEFT,
    /** Nobody could reach the customer. */
    UNREACHABLE
}
