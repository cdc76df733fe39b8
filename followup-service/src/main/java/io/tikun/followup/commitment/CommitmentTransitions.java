package io.tikun.followup.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.lifecycle.CommitmentEvent;
import io.tikun.followup.lifecycle.CommitmentLifecycle;
import io.tikun.followup.lifecycle.CommitmentState;
import io.tikun.followup.lifecycle.HistoryEntry;
import io.tikun.followup.lifecycle.Transition;
import io.tikun.followup.outbox.EventJson;
import io.tikun.followup.outbox.OutboxMessage;
import io.tikun.followup.outbox.OutboxRepository;
import io.tikun.followup.problem.NotFoundProblem;

/**
 * Applies a lifecycle event to a stored commitment: its new status, its history entry and the
 * {@code commitments.updated} outbox row, all in the caller's transaction, so the change and its announcement
 * commit or roll back together.
 */
@ApplicationScoped
public class CommitmentTransitions {

    private final CommitmentRepository commitments;
    private final CommitmentChangeRepository changes;
    private final OutboxRepository outbox;
    private final CommitmentLifecycle lifecycle;
    private final EventJson json;
    private final Clock clock;

    public CommitmentTransitions(CommitmentRepository commitments, CommitmentChangeRepository changes,
            OutboxRepository outbox, CommitmentLifecycle lifecycle, EventJson json, Clock clock) {
        this.commitments = commitments;
        this.changes = changes;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.json = json;
        this.clock = clock;
    }

    /** A change that was written, with the outbox row to publish once the transaction has committed. */
    public record Applied(CommitmentView commitment, CommitmentUpdated event, UUID outboxId) {
    }

    /**
     * Must run inside a transaction ({@code @WithTransaction} on the calling service method).
     *
     * @throws io.tikun.followup.lifecycle.IllegalTransitionException (as the Uni's failure) when the commitment's
     *         status does not allow the event
     * @throws NotFoundProblem (as the Uni's failure) for an unknown commitment
     */
    public Uni<Applied> apply(UUID commitmentId, CommitmentEvent event, String actor, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Locked, so a confirmation and a denial arriving together are applied one after the other and the second
        // is refused by the lifecycle instead of failing on the version check.
        return commitments.findById(commitmentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No commitment with id " + commitmentId))
                .chain(c -> changes.forCommitments(List.of(c.id)).chain(history -> {
                    CommitmentState current = CommitmentState.fromHistory(c.id, c.status, c.dueAt,
                            history.stream().map(CommitmentTransitions::entry).toList());
                    Transition transition = lifecycle.apply(current, event, actor, reason, now);
                    return write(c, history, transition, now);
                }));
    }

    private Uni<Applied> write(Commitment c, List<CommitmentChange> history, Transition transition, Instant now) {
        HistoryEntry entry = transition.entry();
        c.status = transition.state().status();
        c.dueAt = transition.state().dueAt();
        c.updatedAt = now;
        CommitmentChange change = CommitmentChange.of(c.id, entry.from(), entry.to(), entry.actor(), entry.reason(),
                entry.at());
        CommitmentUpdated event = new CommitmentUpdated(c.id, c.caseId, c.complaintId, c.reference, c.customerId,
                transition.published().wireName(), c.status, entry.actor(), entry.reason(), c.dueAt, entry.at());
        OutboxMessage message = OutboxMessage.of(CommitmentUpdated.TOPIC, c.customerId, event.type(),
                json.write(event), now);
        List<CommitmentChange> newHistory = new ArrayList<>(history);
        newHistory.add(change);
        return changes.persist(change)
                .chain(() -> outbox.persist(message))
                .replaceWith(() -> new Applied(CommitmentView.of(c, newHistory), event, message.id));
    }

    private static HistoryEntry entry(CommitmentChange change) {
        return new HistoryEntry(change.commitmentId, change.fromStatus, change.toStatus, change.actor, change.reason,
                change.occurredAt);
    }
}
