package io.tikun.followup.lifecycle;

import static io.tikun.followup.commitment.CommitmentStatus.BROKEN;
import static io.tikun.followup.commitment.CommitmentStatus.CLAIMED_DONE;
import static io.tikun.followup.commitment.CommitmentStatus.DISPUTED;
import static io.tikun.followup.commitment.CommitmentStatus.DUE_SOON;
import static io.tikun.followup.commitment.CommitmentStatus.OPEN;
import static io.tikun.followup.commitment.CommitmentStatus.OVERDUE;
import static io.tikun.followup.commitment.CommitmentStatus.UNCONFIRMED;
import static io.tikun.followup.commitment.CommitmentStatus.VERIFIED;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentStatus;

/**
 * The rules of a promise's life: which event moves which status where, and what is recorded and announced.
 * Pure: it never reads the clock or the database, so callers pass the time and persist the result.
 */
@ApplicationScoped
public class CommitmentLifecycle {

    /** The customer gets the request at the claim and one reminder; silence after both makes it unconfirmed. */
    private static final int CUSTOMER_REQUESTS = 2;

    private static final String CLAIMED_HINT = "it is claimed done and awaits the customer's answer, "
            + "so its due date no longer applies";

    private final LifecyclePolicy policy;

    @Inject
    public CommitmentLifecycle(FollowupConfig config) {
        this(LifecyclePolicy.from(config.lifecycle()));
    }

    public CommitmentLifecycle(LifecyclePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Applies any event except {@link CommitmentEvent#REOPENED}, which needs a new due date: use
     * {@link #reopen}.
     *
     * @param reason required for a claim (what was done) and a denial (the customer's comment); optional otherwise
     * @throws IllegalTransitionException if the commitment's status, the time or a missing note forbids it
     */
    public Transition apply(CommitmentState current, CommitmentEvent event, String actor, String reason, Instant at) {
        Objects.requireNonNull(event, "event");
        if (event == CommitmentEvent.REOPENED) {
            throw new IllegalArgumentException("REOPENED needs a new due date: call reopen(...)");
        }
        return transition(current, event, actor, reason, at, null);
    }

    /**
     * Takes up a disputed commitment again with a new due date. If it has already been disputed as often as
     * allowed (possible only when the limit was lowered meanwhile), it breaks instead.
     */
    public Transition reopen(CommitmentState current, Instant newDueAt, String actor, String reason, Instant at) {
        Objects.requireNonNull(newDueAt, "newDueAt");
        return transition(current, CommitmentEvent.REOPENED, actor, reason, at, newDueAt);
    }

    /** When time will move this commitment on, given its current due date and claim. */
    public CommitmentDeadlines deadlines(CommitmentState state) {
        Instant dueAt = state.dueAt();
        Instant claimedAt = state.claimedAt();
        return new CommitmentDeadlines(
                dueAt.minus(policy.dueSoonBefore()),
                dueAt,
                dueAt.plus(policy.gracePeriod()),
                claimedAt == null ? null : claimedAt.plus(policy.customerReminderAfter()),
                claimedAt == null ? null : claimedAt.plus(policy.customerReminderAfter().multipliedBy(CUSTOMER_REQUESTS)));
    }

    /**
     * The time-driven event that applies now, if any, for a scheduler to apply. One step at a time: after a long
     * outage the caller applies events until this is empty, so no announcement is skipped.
     */
    public Optional<CommitmentEvent> timedEventDue(CommitmentState state, Instant now) {
        CommitmentDeadlines deadlines = deadlines(state);
        switch (state.status()) {
            case OPEN:
                if (!now.isBefore(deadlines.overdueAt())) {
                    return Optional.of(CommitmentEvent.DUE_DATE_PASSED);
                }
                return !now.isBefore(deadlines.dueSoonAt()) ? Optional.of(CommitmentEvent.DUE_SOON_REACHED)
                        : Optional.empty();
            case DUE_SOON:
                return !now.isBefore(deadlines.overdueAt()) ? Optional.of(CommitmentEvent.DUE_DATE_PASSED)
                        : Optional.empty();
            case OVERDUE:
                return !now.isBefore(deadlines.brokenAt()) ? Optional.of(CommitmentEvent.GRACE_PERIOD_PASSED)
                        : Optional.empty();
            case CLAIMED_DONE:
                return !now.isBefore(deadlines.unconfirmedAt())
                        ? Optional.of(CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER)
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /**
     * Like {@link #timedEventDue(CommitmentState, Instant)}, but a customer who was never reminded is not given up on:
     * a claimed-done commitment becomes unconfirmed only once the reminder went out and a full
     * {@code customer-reminder-after} passed since, even when the scheduler was down past the usual moment.
     *
     * @param customerRemindedAt when the customer got the reminder for the current claim; null if not yet
     */
    public Optional<CommitmentEvent> timedEventDue(CommitmentState state, Instant customerRemindedAt, Instant now) {
        if (state.status() == CLAIMED_DONE
                && (customerRemindedAt == null || now.isBefore(customerRemindedAt.plus(policy.customerReminderAfter())))) {
            return Optional.empty();
        }
        return timedEventDue(state, now);
    }

    /** Whether the customer is due the second request: claimed done, silent since the claim, not yet reminded. */
    public boolean customerReminderDue(CommitmentState state, Instant customerRemindedAt, Instant now) {
        return state.status() == CLAIMED_DONE && customerRemindedAt == null
                && !now.isBefore(deadlines(state).customerReminderAt());
    }

    private Transition transition(CommitmentState current, CommitmentEvent event, String actor, String reason,
            Instant at, Instant newDueAt) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every change needs an actor");
        }
        CommitmentStatus from = current.status();
        if (!allowedFrom(event, from)) {
            throw refuse(current, event, hint(event, from));
        }
        checkTimeAndNote(current, event, reason, at, newDueAt);

        CommitmentStatus to = target(current, event);
        int disputes = current.disputeCount() + (event == CommitmentEvent.CUSTOMER_DENIED ? 1 : 0);
        Instant dueAt = newDueAt != null && to == OPEN ? newDueAt : current.dueAt();
        Instant claimedAt = to == CLAIMED_DONE ? at : null;
        CommitmentState next = new CommitmentState(current.commitmentId(), to, dueAt, disputes, claimedAt);

        String recorded = reason == null || reason.isBlank() ? defaultReason(current, event) : reason;
        HistoryEntry entry = new HistoryEntry(current.commitmentId(), from, to, actor, recorded, at);
        PublishedChange published = PublishedChange.forTransition(from, to)
                .orElseThrow(() -> new IllegalStateException("every lifecycle transition changes the status"));
        return new Transition(event, next, entry, published);
    }

    private static boolean allowedFrom(CommitmentEvent event, CommitmentStatus from) {
        return switch (event) {
            case DUE_SOON_REACHED -> from == OPEN;
            // OPEN may skip DUE_SOON: a promise made for the next hour, or a scheduler that was down.
            case DUE_DATE_PASSED -> from == OPEN || from == DUE_SOON;
            case GRACE_PERIOD_PASSED -> from == OVERDUE;
            case OWNER_CLAIMED_DONE -> from == OPEN || from == DUE_SOON || from == OVERDUE;
            case CUSTOMER_CONFIRMED, CUSTOMER_DENIED, CUSTOMER_SILENT_AFTER_REMINDER -> from == CLAIMED_DONE;
            case REOPENED -> from == DISPUTED;
        };
    }

    private CommitmentStatus target(CommitmentState current, CommitmentEvent event) {
        return switch (event) {
            case DUE_SOON_REACHED -> DUE_SOON;
            case DUE_DATE_PASSED -> OVERDUE;
            case GRACE_PERIOD_PASSED -> BROKEN;
            case OWNER_CLAIMED_DONE -> CLAIMED_DONE;
            case CUSTOMER_CONFIRMED -> VERIFIED;
            // The dispute that reaches the limit breaks the promise at once, so routing hears "broken" and
            // re-escalates without waiting for someone to notice a second DISPUTED.
            case CUSTOMER_DENIED -> current.disputeCount() + 1 >= policy.maxDisputes() ? BROKEN : DISPUTED;
            case REOPENED -> current.disputeCount() >= policy.maxDisputes() ? BROKEN : OPEN;
            case CUSTOMER_SILENT_AFTER_REMINDER -> UNCONFIRMED;
        };
    }

    private void checkTimeAndNote(CommitmentState current, CommitmentEvent event, String reason, Instant at,
            Instant newDueAt) {
        CommitmentDeadlines deadlines = deadlines(current);
        switch (event) {
            case DUE_SOON_REACHED:
                if (at.isBefore(deadlines.dueSoonAt())) {
                    throw refuse(current, event, "it is due at " + current.dueAt() + " and becomes due soon only at "
                            + deadlines.dueSoonAt());
                }
                break;
            case DUE_DATE_PASSED:
                if (at.isBefore(deadlines.overdueAt())) {
                    throw refuse(current, event, "its due date " + current.dueAt() + " has not passed");
                }
                break;
            case GRACE_PERIOD_PASSED:
                if (at.isBefore(deadlines.brokenAt())) {
                    throw refuse(current, event, "its grace period lasts until " + deadlines.brokenAt());
                }
                break;
            case CUSTOMER_SILENT_AFTER_REMINDER:
                if (at.isBefore(deadlines.unconfirmedAt())) {
                    throw refuse(current, event, "the customer has until " + deadlines.unconfirmedAt()
                            + " to answer the request and the reminder");
                }
                break;
            case OWNER_CLAIMED_DONE:
                requireNote(current, event, reason, "a note saying what was done is required");
                break;
            case CUSTOMER_DENIED:
                requireNote(current, event, reason, "the customer's comment is required");
                break;
            case REOPENED:
                requireNote(current, event, reason, "a reason is required");
                if (!newDueAt.isAfter(at)) {
                    throw refuse(current, event, "the new due date " + newDueAt + " must be after " + at);
                }
                break;
            default:
                break;
        }
    }

    private static void requireNote(CommitmentState current, CommitmentEvent event, String note, String hint) {
        if (note == null || note.isBlank()) {
            throw refuse(current, event, hint);
        }
    }

    private static String hint(CommitmentEvent event, CommitmentStatus from) {
        if (CommitmentState.isFinal(from)) {
            return from + " is final";
        }
        if (from == DISPUTED) {
            return "the customer disputed it; it must be reopened with a new due date first";
        }
        return switch (event) {
            case DUE_SOON_REACHED, DUE_DATE_PASSED -> from == CLAIMED_DONE ? CLAIMED_HINT
                    : "it is already " + (from == DUE_SOON ? "due soon" : "overdue");
            case GRACE_PERIOD_PASSED -> from == CLAIMED_DONE ? CLAIMED_HINT
                    : "only an OVERDUE commitment breaks when its grace period ends";
            case OWNER_CLAIMED_DONE -> "it is already claimed done and awaits the customer's answer";
            case CUSTOMER_CONFIRMED, CUSTOMER_DENIED, CUSTOMER_SILENT_AFTER_REMINDER ->
                "the owner must claim it done first";
            case REOPENED -> "only a DISPUTED commitment can be reopened";
        };
    }

    private String defaultReason(CommitmentState current, CommitmentEvent event) {
        return switch (event) {
            case DUE_SOON_REACHED -> "due at " + current.dueAt();
            case DUE_DATE_PASSED -> "due date " + current.dueAt() + " passed";
            case GRACE_PERIOD_PASSED -> "grace period ended at " + deadlines(current).brokenAt();
            case CUSTOMER_CONFIRMED -> "the customer confirmed it was done";
            case CUSTOMER_SILENT_AFTER_REMINDER -> "the customer answered neither the request nor the reminder";
            // Guarded above: these never reach here without a note.
            case OWNER_CLAIMED_DONE, CUSTOMER_DENIED, REOPENED -> throw new IllegalStateException(event + " needs a note");
        };
    }

    private static IllegalTransitionException refuse(CommitmentState current, CommitmentEvent event, String hint) {
        return new IllegalTransitionException(current.status(), event,
                "cannot " + event.verb() + " a commitment that is " + current.status() + "; " + hint);
    }
}
