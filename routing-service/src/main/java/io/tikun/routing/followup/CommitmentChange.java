package io.tikun.routing.followup;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a commitment, by follow-up's names on {@code commitments.updated} ({@code change}). */
public enum CommitmentChange {
    DUE_SOON("due-soon", false),
    OVERDUE("overdue", true),
    CLAIMED_DONE("claimed-done", false),
    VERIFIED("verified", false),
    DISPUTED("disputed", true),
    BROKEN("broken", true),
    REOPENED("reopened", false),
    UNCONFIRMED("unconfirmed", false);

    private final String wire;
    private final boolean escalates;

    CommitmentChange(String wire, boolean escalates) {
        this.wire = wire;
        this.escalates = escalates;
    }

    /** A promise to the customer is not being kept: the case goes up the ladder. */
    public boolean escalates() {
        return escalates;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** An unknown change is refused: the event goes to the dead-letter topic rather than being misread. */
    @JsonCreator
    public static CommitmentChange of(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown commitment change " + wire));
    }

    @Override
    public String toString() {
        return wire;
    }
}
