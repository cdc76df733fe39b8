package io.tikun.followup.lifecycle;

import io.tikun.followup.commitment.CommitmentStatus;

/** A commitment was asked to do something its current status does not allow; the message says why. */
public class IllegalTransitionException extends RuntimeException {

    private final CommitmentStatus from;
    private final CommitmentEvent event;

    public IllegalTransitionException(CommitmentStatus from, CommitmentEvent event, String message) {
        super(message);
        this.from = from;
        this.event = event;
    }

    public CommitmentStatus from() {
        return from;
    }

    public CommitmentEvent event() {
        return event;
    }
}
