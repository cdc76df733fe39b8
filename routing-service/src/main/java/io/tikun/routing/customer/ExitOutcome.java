package io.tikun.routing.customer;

/** What an exit interview achieved, by follow-up's names ({@code exitOutcome}). */
public enum ExitOutcome {
    RETAINED,
    LEFT,
    UNREACHABLE
}
