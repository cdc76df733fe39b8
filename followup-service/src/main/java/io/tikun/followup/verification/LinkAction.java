package io.tikun.followup.verification;

import java.util.Optional;

/** What a customer's link lets them do. */
public enum LinkAction {
    CONFIRM_FIXED(1),
    DENY_FIXED(2),
    /** Rate the handling of a verified commitment (the links of the thank-you before surveys went per case). */
    CSAT(3),
    /** Rate the handling of a resolved case; the link's id is the case id. */
    CASE_SURVEY(4);

    /** Written into tokens instead of the ordinal, so reordering the constants never changes a link's meaning. */
    private final byte code;

    LinkAction(int code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    static Optional<LinkAction> ofCode(byte code) {
        for (LinkAction action : values()) {
            if (action.code == code) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
