package io.tikun.routing.cases;

/** Where a case stands in its handling. */
public enum CaseStatus {
    OPEN,
    RESPONDED,
    WAITING_ON_CUSTOMER,
    RESOLVED
}
