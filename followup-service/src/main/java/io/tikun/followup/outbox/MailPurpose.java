package io.tikun.followup.outbox;

/** Why an e-mail about a commitment is sent, and so to whom. */
public enum MailPurpose {
    /** The customer is asked whether the promise claimed done was kept. */
    CUSTOMER_REQUEST,
    /** The customer is asked again, with the same links, after silence. */
    CUSTOMER_REMINDER,
    /** The owner is reminded that the promise falls due soon. */
    OWNER_DUE_SOON,
    /** The service manager is told that a promise broke. */
    MANAGER_BROKEN,
    /** The customer who confirmed a fix is thanked and asked to rate the service (CSAT); once per commitment. */
    CUSTOMER_THANK_YOU
}
