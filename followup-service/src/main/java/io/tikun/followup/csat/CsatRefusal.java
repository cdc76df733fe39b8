package io.tikun.followup.csat;

import io.tikun.followup.verification.LinkOutcome;

/** Why a survey link or answer recorded nothing. */
public enum CsatRefusal {
    MALFORMED,
    TAMPERED,
    EXPIRED,
    ALREADY_USED,
    /** An authentic link for something other than the survey (a confirm or deny link). */
    WRONG_LINK,
    UNKNOWN_COMMITMENT,
    /** The case (or, for an older link, the commitment) was already rated, through another survey link. */
    ALREADY_RATED,
    /** No score from 1 to 5 was chosen; the link stays usable. */
    NO_SCORE;

    static CsatRefusal of(LinkOutcome outcome) {
        return switch (outcome) {
            case MALFORMED -> MALFORMED;
            case TAMPERED -> TAMPERED;
            case EXPIRED -> EXPIRED;
            case ALREADY_USED -> ALREADY_USED;
            case WRONG_COMMITMENT -> WRONG_LINK;
            case VALID -> throw new IllegalArgumentException("a valid link is not refused");
        };
    }
}
