package io.tikun.routing.cases;

/** What a message in a case's conversation is. */
public enum MessageKind {
    /** The complaint that opened the case (shown from the case itself, not stored as a message). */
    COMPLAINT,
    /** The customer writing again (intake's {@code complaints.message-added}). */
    CUSTOMER_MESSAGE,
    /** An agent's or manager's words to the customer, delivered by intake. */
    AGENT_REPLY,
    /** An internal note. */
    NOTE,
    /** An answer given by phone, recorded as the first response. */
    PHONE_RESPONSE,
    /** What was agreed, who is responsible and by when, sent whenever a promise is made. */
    EXPECTATION_SUMMARY,
    /** What the manager's personal call discussed and agreed. */
    CALLBACK_SUMMARY,
    /** The thanks at resolution. */
    THANK_YOU
}
