package io.tikun.followup.exit;

/** Why an exit interview was opened. */
public enum ExitTrigger {
    /** Someone reported the customer as having left ({@code POST /api/v1/customers/{id}/churned}). */
    REPORTED,
    /** A complaint in which the customer threatened to leave was closed without a promise the customer confirmed. */
    CHURN_INTENT_CASE_CLOSED
}
