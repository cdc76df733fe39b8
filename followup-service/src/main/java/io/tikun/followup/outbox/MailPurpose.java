package io.tikun.followup.outbox;

/**
 * Why follow-up e-mails a member of staff about a commitment. Customers are written to through intake
 * ({@code customer.messages.requested}), never by follow-up's own mail.
 */
public enum MailPurpose {
    /** The owner is reminded that the promise falls due soon. */
    OWNER_DUE_SOON,
    /** The service manager is told that a promise broke. */
    MANAGER_BROKEN,
    /** The owner is told that intake could not deliver a message about the promise to the customer, and why. */
    OWNER_DELIVERY_FAILED
}
