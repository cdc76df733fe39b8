package io.tikun.followup.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.tikun.followup.commitment.CommitmentStatus;

/** Small shared constants and factories for the lifecycle tests; immutable, so tests cannot affect each other. */
final class LifecycleFixtures {

    static final UUID COMMITMENT_ID = UUID.fromString("6f1c2a1e-9b7d-4c33-8a52-0d4e5f6a7b8c");
    static final Instant DUE = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration DUE_SOON_BEFORE = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofHours(48);
    static final Duration REMINDER_AFTER = Duration.ofDays(3);
    static final int MAX_DISPUTES = 2;
    static final LifecyclePolicy POLICY = new LifecyclePolicy(DUE_SOON_BEFORE, GRACE, REMINDER_AFTER, MAX_DISPUTES);

    /** When a claimed commitment in these tests was claimed. */
    static final Instant CLAIMED_AT = DUE.minus(Duration.ofDays(1));
    /** Late enough for every timed rule: past the grace period and past the customer's last chance to answer. */
    static final Instant LATE = DUE.plus(Duration.ofDays(30));

    static final String OWNER = "agent.cohen";
    static final String CUSTOMER = "customer";
    static final String SYSTEM = "followup-scheduler";

    private LifecycleFixtures() {
    }

    static CommitmentState state(CommitmentStatus status) {
        return state(status, 0);
    }

    static CommitmentState state(CommitmentStatus status, int disputes) {
        Instant claimedAt = status == CommitmentStatus.CLAIMED_DONE ? CLAIMED_AT : null;
        return new CommitmentState(COMMITMENT_ID, status, DUE, disputes, claimedAt);
    }

    /** Applies any event at {@link #LATE} with a note, reopening a week later when the event is REOPENED. */
    static Transition attempt(CommitmentLifecycle lifecycle, CommitmentState state, CommitmentEvent event) {
        if (event == CommitmentEvent.REOPENED) {
            return lifecycle.reopen(state, LATE.plus(Duration.ofDays(7)), OWNER, "new part ordered", LATE);
        }
        return lifecycle.apply(state, event, OWNER, "a note", LATE);
    }
}
