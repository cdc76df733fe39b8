package io.tikun.routing.escalation;

/** Why a case stands where it does on the ladder, as a code reports can count. */
public enum EscalationReason {
    /** The starting rung, chosen by severity. */
    OPENED,
    /** A new complaint from a customer with another recent case: it starts one rung higher. */
    REPEAT_COMPLAINT,
    /** The first response was not recorded by its deadline. */
    FIRST_RESPONSE_MISSED,
    /** The customer wrote again and no agent answered in time. */
    UNANSWERED_CUSTOMER_REPLY,
    /** The case was not resolved by its resolution deadline. */
    RESOLUTION_OVERDUE,
    /** Follow-up reported a promise overdue, disputed or broken. */
    PROMISE_NOT_KEPT
}
