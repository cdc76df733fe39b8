package io.tikun.routing.customer;

/** What became of a customer who said they would leave, by follow-up's names ({@code churnOutcome}). */
public enum ChurnOutcome {
    UNKNOWN,
    STAYED,
    LEFT
}
