package io.tikun.followup.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.tikun.followup.commitment.CommitmentStatus;

/**
 * One line of a commitment's history, shaped like the {@code commitment_change} row it becomes.
 *
 * @param from null only for the first entry, when the commitment was made
 */
public record HistoryEntry(UUID commitmentId, CommitmentStatus from, CommitmentStatus to, String actor, String reason,
        Instant at) {

    public HistoryEntry {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
