package io.tikun.followup.verification;

/** The verdict on a token a customer presented. */
public enum LinkOutcome {
    /** Authentic, for the expected commitment, not expired (and, when redeemed, not used before). */
    VALID,
    /** Shaped like a token but not signed by any of our keys: altered, forged, or signed with a retired key. */
    TAMPERED,
    /** Authentic but past its expiry. */
    EXPIRED,
    /** Authentic but issued for another commitment. */
    WRONG_COMMITMENT,
    /** Not a token at all: empty, too long, wrong shape or characters, or an unknown layout. */
    MALFORMED,
    /** Authentic and otherwise valid, but already redeemed once. */
    ALREADY_USED
}
