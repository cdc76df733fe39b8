package io.tikun.followup.lifecycle;

import java.util.Optional;

import io.tikun.followup.commitment.CommitmentStatus;

/** The {@code change} a {@value #TOPIC} event names for each lifecycle transition. */
public enum PublishedChange {
    DUE_SOON("due-soon"),
    OVERDUE("overdue"),
    CLAIMED_DONE("claimed-done"),
    VERIFIED("verified"),
    DISPUTED("disputed"),
    BROKEN("broken"),
    REOPENED("reopened"),
    UNCONFIRMED("unconfirmed");

    public static final String TOPIC = "commitments.updated";

    private final String wireName;

    PublishedChange(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the event's {@code change} field. */
    public String wireName() {
        return wireName;
    }

    /**
     * Every status change after the commitment was made is announced; only its creation is not, because
     * {@code commitments.made} already told everyone.
     */
    public static Optional<PublishedChange> forTransition(CommitmentStatus from, CommitmentStatus to) {
        if (from == null || from == to) {
            return Optional.empty();
        }
        return Optional.of(switch (to) {
            case OPEN -> REOPENED;
            case DUE_SOON -> DUE_SOON;
            case OVERDUE -> OVERDUE;
            case CLAIMED_DONE -> CLAIMED_DONE;
            case VERIFIED -> VERIFIED;
            case DISPUTED -> DISPUTED;
            case BROKEN -> BROKEN;
            case UNCONFIRMED -> UNCONFIRMED;
        });
    }
}
