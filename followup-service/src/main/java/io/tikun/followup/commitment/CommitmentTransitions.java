package io.tikun.followup.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.access.Caller;
import io.tikun.followup.lifecycle.CommitmentEvent;
import io.tikun.followup.lifecycle.CommitmentLifecycle;
import io.tikun.followup.lifecycle.CommitmentState;
import io.tikun.followup.lifecycle.HistoryEntry;
import io.tikun.followup.lifecycle.Transition;
import io.tikun.followup.outbox.EventJson;
import io.tikun.followup.outbox.MailDelivery;
import io.tikun.followup.outbox.MailDeliveryRepository;
import io.tikun.followup.outbox.OutboxMessage;
import io.tikun.followup.outbox.OutboxRepository;
import io.tikun.followup.problem.NotFoundProblem;

/**
 * Applies a lifecycle event to a stored commitment: its new status, its history entry and the
 * {@code commitments.updated} outbox row, and the e-mail to staff it calls for (the owner at DUE_SOON, the service
 * manager at BROKEN), all in the caller's transaction, so the change and its announcements commit or roll back
 * together.
 */
@ApplicationScoped
public class CommitmentTransitions {

    private final CommitmentRepository commitments;
    private final CommitmentChangeRepository changes;
    private final OutboxRepository outbox;
    private final CommitmentLifecycle lifecycle;
    private final EventJson json;
    private final MailDeliveryRepository mails;
    private final StaffNotices notices;
    private final Clock clock;

    public CommitmentTransitions(CommitmentRepository commitments, CommitmentChangeRepository changes,
            OutboxRepository outbox, CommitmentLifecycle lifecycle, EventJson json, MailDeliveryRepository mails,
            StaffNotices notices, Clock clock) {
        this.commitments = commitments;
        this.changes = changes;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.json = json;
        this.mails = mails;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * A change that was written, with the outbox row to publish and the e-mails to send once the transaction has
     * committed.
     */
    public record Applied(CommitmentView commitment, CommitmentUpdated event, UUID outboxId, List<UUID> mailIds) {
    }

    /** What time did to one commitment in one pass: the changes applied, in order, and where they left it. */
    public record Advanced(List<Applied> applied, CommitmentState state) {
    }

    /**
     * Must run inside a transaction ({@code @WithTransaction} on the calling service method).
     *
     * @throws io.tikun.followup.lifecycle.IllegalTransitionException (as the Uni's failure) when the commitment's
     *         status does not allow the event
     * @throws NotFoundProblem (as the Uni's failure) for an unknown commitment
     */
    public Uni<Applied> apply(UUID commitmentId, CommitmentEvent event, String actor, String reason) {
        return apply(commitmentId, event, Caller.system(actor), reason);
    }

    /**
     * As {@link #apply(UUID, CommitmentEvent, String, String)}, for a person who must own the commitment (or be a
     * manager or admin).
     *
     * @throws io.tikun.followup.problem.ForbiddenProblem (as the Uni's failure) when it is not the caller's
     */
    public Uni<Applied> apply(UUID commitmentId, CommitmentEvent event, Caller caller, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String actor = caller.name();
        // Locked, so a confirmation and a denial arriving together are applied one after the other and the second
        // is refused by the lifecycle instead of failing on the version check.
        return locked(commitmentId, caller).chain(c -> changes.forCommitments(List.of(c.id)).chain(history -> {
            Transition transition = lifecycle.apply(state(c, history), event, actor, reason, now);
            return write(c, history, transition, now);
        }));
    }

    /**
     * Reopens a disputed commitment with a new due date (or breaks it, if it was disputed as often as allowed). Must
     * run inside a transaction.
     */
    public Uni<Applied> reopen(UUID commitmentId, Instant newDueAt, Caller caller, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String actor = caller.name();
        return locked(commitmentId, caller).chain(c -> changes.forCommitments(List.of(c.id)).chain(history -> {
            Transition transition = lifecycle.reopen(state(c, history), newDueAt, actor, reason, now);
            return write(c, history, transition, now);
        }));
    }

    /**
     * Applies every time-driven event due at {@code now} to a commitment the caller has locked in its transaction,
     * one after the other (after an outage an open commitment may become overdue and then broken in one pass), so
     * that no announcement is skipped.
     */
    public Uni<Advanced> advance(Commitment c, String actor, Instant now) {
        return changes.forCommitments(List.of(c.id))
                .chain(history -> advance(c, history, actor, now, List.of()));
    }

    private Uni<Advanced> advance(Commitment c, List<CommitmentChange> history, String actor, Instant now,
            List<Applied> done) {
        CommitmentState current = state(c, history);
        Optional<CommitmentEvent> due = lifecycle.timedEventDue(current, c.customerRemindedAt, now);
        if (due.isEmpty()) {
            return Uni.createFrom().item(new Advanced(done, current));
        }
        Transition transition = lifecycle.apply(current, due.get(), actor, null, now);
        return write(c, history, transition, now).chain(applied -> {
            List<CommitmentChange> longer = new ArrayList<>(history);
            longer.add(CommitmentChange.of(c.id, transition.entry().from(), transition.entry().to(),
                    transition.entry().actor(), transition.entry().reason(), transition.entry().at()));
            List<Applied> more = new ArrayList<>(done);
            more.add(applied);
            return advance(c, longer, actor, now, more);
        });
    }

    private Uni<Commitment> locked(UUID commitmentId, Caller caller) {
        return commitments.findById(commitmentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No commitment with id " + commitmentId))
                .invoke(c -> caller.requireMayActFor(c.owner, "this promise"));
    }

    private static CommitmentState state(Commitment c, List<CommitmentChange> history) {
        return CommitmentState.fromHistory(c.id, c.status, c.dueAt,
                history.stream().map(CommitmentTransitions::entry).toList());
    }

    private Uni<Applied> write(Commitment c, List<CommitmentChange> history, Transition transition, Instant now) {
        HistoryEntry entry = transition.entry();
        c.status = transition.state().status();
        c.dueAt = transition.state().dueAt();
        c.updatedAt = now;
        if (c.status == CommitmentStatus.CLAIMED_DONE) {
            // A new claim starts a new wait for the customer, with a reminder of its own.
            c.customerRemindedAt = null;
        }
        CommitmentChange change = CommitmentChange.of(c.id, entry.from(), entry.to(), entry.actor(), entry.reason(),
                entry.at());
        CommitmentUpdated event = new CommitmentUpdated(c.id, c.caseId, c.complaintId, c.reference, c.customerId,
                transition.published().wireName(), c.status, entry.actor(), entry.reason(), c.dueAt, entry.at());
        OutboxMessage message = OutboxMessage.of(CommitmentUpdated.TOPIC, c.customerId, event.type(),
                json.write(event), now);
        List<CommitmentChange> newHistory = new ArrayList<>(history);
        newHistory.add(change);
        List<UUID> mailIds = new ArrayList<>();
        Uni<Void> notice = notices.forChange(c, c.status, entry.reason())
                .map(n -> {
                    MailDelivery mail = MailDelivery.of(c.id, n.purpose(), n.recipient(), n.subject(), n.text(), now);
                    mailIds.add(mail.id);
                    return mails.persist(mail).replaceWithVoid();
                })
                .orElseGet(() -> Uni.createFrom().voidItem());
        return changes.persist(change)
                .chain(() -> outbox.persist(message))
                .chain(() -> notice)
                .replaceWith(() -> new Applied(CommitmentView.of(c, newHistory), event, message.id, List.copyOf(mailIds)));
    }

    private static HistoryEntry entry(CommitmentChange change) {
        return new HistoryEntry(change.commitmentId, change.fromStatus, change.toStatus, change.actor, change.reason,
                change.occurredAt);
    }
}
