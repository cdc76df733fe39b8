package io.tikun.routing.customer;

/** What a {@code customers.feedback} event reports, by follow-up's names ({@code kind}). */
public enum FeedbackKind {
    /** The customer rated a resolved case (CSAT, 1–5). */
    CSAT_ANSWERED,
    /** The retention team recorded an exit interview with its outcome. */
    EXIT_INTERVIEW_RECORDED,
    /** The customer said they would leave: follow-up watches what they do. */
    CHURN_WATCH_OPENED,
    /** What became of a customer who said they would leave. */
    CHURN_OUTCOME
}
