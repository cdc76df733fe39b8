package io.tikun.followup.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.tikun.followup.commitment.CommitmentStatus;

/**
 * What the lifecycle rules need to know about a commitment.
 *
 * @param dueAt the current due date; a reopened commitment gets a new one
 * @param disputeCount how often the customer said the work was not done
 * @param claimedAt when the owner last claimed it done; set exactly while it is {@code CLAIMED_DONE}, because the
 *        requests to the customer are timed from it
 */
public record CommitmentState(UUID commitmentId, CommitmentStatus status, Instant dueAt, int disputeCount,
        Instant claimedAt) {

    public CommitmentState {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueAt, "dueAt");
        if (disputeCount < 0) {
            throw new IllegalArgumentException("disputeCount must not be negative: " + disputeCount);
        }
        if ((status == CommitmentStatus.CLAIMED_DONE) != (claimedAt != null)) {
            throw new IllegalArgumentException("claimedAt is set exactly while a commitment is CLAIMED_DONE, but status is "
                    + status + " and claimedAt is " + claimedAt);
        }
    }

    /** A commitment just made: open, never disputed. */
    public static CommitmentState opened(UUID commitmentId, Instant dueAt) {
        return new CommitmentState(commitmentId, CommitmentStatus.OPEN, dueAt, 0, null);
    }

    /**
     * Rebuilds the state from a stored commitment and its history, since the {@code commitment} table keeps neither
     * the dispute count nor the claim time.
     *
     * @param history the commitment's entries in any order
     */
    public static CommitmentState fromHistory(UUID commitmentId, CommitmentStatus status, Instant dueAt,
            List<HistoryEntry> history) {
        // A dispute is any answer "no" to a claim: it leads to DISPUTED, or straight to BROKEN at the limit.
        int disputes = (int) history.stream()
                .filter(e -> e.from() == CommitmentStatus.CLAIMED_DONE
                        && (e.to() == CommitmentStatus.DISPUTED || e.to() == CommitmentStatus.BROKEN))
                .count();
        Instant claimedAt = null;
        if (status == CommitmentStatus.CLAIMED_DONE) {
            claimedAt = history.stream()
                    .filter(e -> e.to() == CommitmentStatus.CLAIMED_DONE)
                    .map(HistoryEntry::at)
                    .max(Instant::compareTo)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "commitment " + commitmentId + " is CLAIMED_DONE but its history has no claim"));
        }
        return new CommitmentState(commitmentId, status, dueAt, disputes, claimedAt);
    }

    /** VERIFIED, BROKEN and UNCONFIRMED end the commitment's life. */
    public boolean isFinal() {
        return isFinal(status);
    }

    static boolean isFinal(CommitmentStatus status) {
        return status == CommitmentStatus.VERIFIED || status == CommitmentStatus.BROKEN
                || status == CommitmentStatus.UNCONFIRMED;
    }
}
