package io.tikun.followup.complaint;

/** A case's status after a change, as routing's {@code cases.updated} schema enumerates it. */
public enum CaseStatus {
    OPEN,
    RESPONDED,
    WAITING_ON_CUSTOMER,
    RESOLVED
}
