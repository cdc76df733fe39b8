package io.tikun.followup.feedback;

/** What a {@code customers.feedback} event reports. */
public enum FeedbackKind {
    /** The customer rated a resolved case or a kept promise (CSAT, 1–5). */
    CSAT_ANSWERED,
    /** The retention team completed an exit interview. */
    EXIT_INTERVIEW_RECORDED,
    /** A complaint said the customer would leave: a churn watch was opened. */
    CHURN_WATCH_OPENED,
    /** Someone recorded what became of a customer who said they would leave. */
    CHURN_OUTCOME
}
