package io.tikun.followup.exit;

/** Where an exit interview stands. */
public enum ExitInterviewState {
    /** Waiting for the retention team; at most one per customer. */
    OPEN,
    COMPLETED
}
