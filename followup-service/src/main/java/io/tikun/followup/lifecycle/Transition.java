package io.tikun.followup.lifecycle;

import java.util.Objects;

/** The outcome of applying an event: the new state, its history entry and what to announce. */
public record Transition(CommitmentEvent event, CommitmentState state, HistoryEntry entry, PublishedChange published) {

    public Transition {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(published, "published");
    }
}
