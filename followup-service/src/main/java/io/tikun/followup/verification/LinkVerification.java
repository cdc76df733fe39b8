package io.tikun.followup.verification;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a token.
 *
 * @param claims present whenever the signature was good (VALID, EXPIRED, WRONG_COMMITMENT, ALREADY_USED), so a page
 *        can say which commitment an unusable link was for; absent for TAMPERED and MALFORMED, whose content
 *        cannot be trusted
 */
public record LinkVerification(LinkOutcome outcome, Optional<LinkClaims> claims) {

    public LinkVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(claims, "claims");
        boolean authentic = outcome != LinkOutcome.TAMPERED && outcome != LinkOutcome.MALFORMED;
        if (authentic != claims.isPresent()) {
            throw new IllegalArgumentException("claims are present exactly for authentic tokens, not for " + outcome);
        }
    }

    static LinkVerification authentic(LinkOutcome outcome, LinkClaims claims) {
        return new LinkVerification(outcome, Optional.of(claims));
    }

    static LinkVerification rejected(LinkOutcome outcome) {
        return new LinkVerification(outcome, Optional.empty());
    }

    public boolean isValid() {
        return outcome == LinkOutcome.VALID;
    }

    /** The claims of a VALID token; anything else is a programming error. */
    public LinkClaims validClaims() {
        if (!isValid()) {
            throw new IllegalStateException("the link is " + outcome + ", not VALID");
        }
        return claims.orElseThrow();
    }
}
