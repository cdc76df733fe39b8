package io.tikun.routing.cases;

/** Who wrote a message on a case after the complaint. */
public enum MessageAuthor {
    CUSTOMER,
    AGENT
}
