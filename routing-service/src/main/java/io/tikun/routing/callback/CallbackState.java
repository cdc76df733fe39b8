package io.tikun.routing.callback;

/** Where a callback task stands. */
public enum CallbackState {
    /** The manager still has to call (first call or a retry). */
    OPEN,
    /** The customer was reached. */
    DONE,
    /** Not reached after the configured number of calls. */
    GAVE_UP
}
