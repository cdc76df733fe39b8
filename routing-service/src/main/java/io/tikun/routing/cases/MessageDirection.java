package io.tikun.routing.cases;

/** Which way a message on a case went. */
public enum MessageDirection {
    /** From the customer. */
    INBOUND,
    /** To the customer (asked of intake, or said by phone). */
    OUTBOUND,
    /** Between colleagues; never sent. */
    INTERNAL
}
