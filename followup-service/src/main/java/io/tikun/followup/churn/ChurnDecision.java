package io.tikun.followup.churn;

/** Why a churn watch's outcome was decided. */
public enum ChurnDecision {
    /** Someone recorded it through {@code POST /api/v1/churn-watches/{id}/outcome}. */
    EXPLICIT,
    /** The customer was reported as having left ({@code POST /api/v1/customers/{id}/churned}): LEFT. */
    CHURN_REPORTED,
    /** An exit interview was completed: LEFT, or STAYED when the customer was retained. */
    EXIT_INTERVIEW,
    /** The quiet period passed and the customer was seen again since (a later complaint or rating): STAYED. */
    QUIET_PERIOD
}
