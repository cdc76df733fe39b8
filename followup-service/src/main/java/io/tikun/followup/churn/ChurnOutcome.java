package io.tikun.followup.churn;

/** What became of a customer who said they would leave. */
public enum ChurnOutcome {
    /** Not known yet. */
    UNKNOWN,
    STAYED,
    LEFT
}
