package io.tikun.routing.cases;

/** Who wrote a message on a case: the customer, an agent or manager, or the system (automatic messages). */
public enum MessageAuthor {
    CUSTOMER,
    AGENT,
    SYSTEM
}
