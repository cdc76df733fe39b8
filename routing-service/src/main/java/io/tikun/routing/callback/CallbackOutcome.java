package io.tikun.routing.callback;

/** What came of one call to the customer. */
public enum CallbackOutcome {
    /** Reached, and the complaint is resolved: the case is resolved. */
    REACHED_RESOLVED,
    /** Reached, and a fix was promised: the promise becomes a commitment. */
    REACHED_FIX_PROMISED,
    /** Not reached: another call is scheduled, up to the configured number of calls. */
    NOT_REACHED
}
