package io.tikun.routing.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.callback.CallbackScheduler;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.CaseUpdated;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.inbox.ProcessedEvent;
import io.tikun.routing.inbox.ProcessedEventRepository;
import io.tikun.routing.notification.ManagerAlertComposer;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationRepository;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxMessage;
import io.tikun.routing.outbox.OutboxRepository;

/**
 * Escalates cases whose first-response, unanswered-reply or resolution timer is due. One transaction locks the
 * due cases, moves each one rung up, records why, writes the {@code cases.updated} event and the manager's
 * alert, and moves or ends the timer that fired, so a breach is acted on exactly once however many instances
 * look at the same moment.
 */
@ApplicationScoped
public class EscalationService {

    private final CaseRepository cases;
    private final EscalationStepRepository steps;
    private final OutboxRepository outbox;
    private final NotificationRepository notifications;
    private final EscalationLadder ladder;
    private final ManagerAlertComposer alerts;
    private final EventJson json;
    private final ProcessedEventRepository processed;
    private final CallbackScheduler callbacks;

    public EscalationService(CaseRepository cases, EscalationStepRepository steps, OutboxRepository outbox,
            NotificationRepository notifications, EscalationLadder ladder, ManagerAlertComposer alerts, EventJson json,
            ProcessedEventRepository processed, CallbackScheduler callbacks) {
        this.callbacks = callbacks;
        this.cases = cases;
        this.steps = steps;
        this.outbox = outbox;
        this.notifications = notifications;
        this.ladder = ladder;
        this.alerts = alerts;
        this.json = json;
        this.processed = processed;
    }

    /** What one check committed: the cases it escalated and what to send right away. */
    public record Escalations(List<UUID> caseIds, List<UUID> outboxIds, List<UUID> notificationIds,
            List<EscalationStep> moves, List<Severity> breaches) {

        static Escalations none() {
            return new Escalations(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    /** Escalates up to {@code limit} cases whose timer is due at {@code now}. */
    @WithTransaction
    public Uni<Escalations> escalateDue(Instant now, int limit) {
        return cases.lockDueForEscalation(now, limit).chain(due -> {
            Escalations done = Escalations.none();
            // One case after another: a reactive session must not run two statements at once.
            Uni<Void> all = Uni.createFrom().voidItem();
            for (SupportCase c : due) {
                all = all.chain(() -> escalate(c, now, done));
            }
            return all.replaceWith(done);
        });
    }

    /**
     * Acts on one due timer of the case: an unanswered reply first, then the earlier of the first-response and
     * resolution timers. A timer still due after this claim fires at the next check, so one check moves a case
     * one rung at most and each timer fires once.
     */
    private Uni<Void> escalate(SupportCase c, Instant now, Escalations done) {
        if (c.status == CaseStatus.RESOLVED) {
            // Timers left running on a resolved case (only possible through a manual data fix) are just ended.
            c.escalationDueAt = null;
            c.replyDueAt = null;
            c.resolutionEscalationDueAt = null;
            return Uni.createFrom().voidItem();
        }
        if (isDue(c.replyDueAt, now)) {
            return escalateUnansweredReply(c, now, done);
        }
        if (c.firstRespondedAt != null && c.escalationDueAt != null) {
            // A timer left running on an answered case (only possible through a manual data fix) is just ended.
            c.escalationDueAt = null;
        }
        boolean firstResponseDue = isDue(c.escalationDueAt, now);
        if (isDue(c.resolutionEscalationDueAt, now)
                && !(firstResponseDue && c.escalationDueAt.isBefore(c.resolutionEscalationDueAt))) {
            return escalateMissedResolution(c, now, done);
        }
        return firstResponseDue ? escalateMissedFirstResponse(c, now, done) : Uni.createFrom().voidItem();
    }

    private static boolean isDue(Instant timer, Instant now) {
        return timer != null && !timer.isAfter(now);
    }

    private Uni<Void> escalateMissedFirstResponse(SupportCase c, Instant now, Escalations done) {
        if (c.firstResponseDueAt.equals(c.escalationDueAt)) {
            // The timer still sits on the deadline itself: this is the breach, counted once per case.
            done.breaches().add(c.severity);
        }
        EscalationLadder.Breach breach = ladder.onBreach(c.severity, c.level, c.callbackDueAt, now);
        String reason = "first response due " + c.firstResponseDueAt + " was missed"
                + (breach.from() == breach.to() ? " (already as high as a " + c.severity + " case goes)" : "")
                + (breach.to().isTop() ? "; service manager to call the customer back by " + breach.callbackDueAt() : "");
        c.escalationDueAt = breach.nextCheckAt();
        c.callbackDueAt = breach.callbackDueAt();
        return record(c, breach.from(), breach.to(), EscalationReason.FIRST_RESPONSE_MISSED, reason, now, done);
    }

    /**
     * The customer wrote again and nobody answered in time: one rung up (not above the severity's ceiling),
     * and the reply timer ends, so it fires once per unanswered message.
     */
    private Uni<Void> escalateUnansweredReply(SupportCase c, Instant now, Escalations done) {
        EscalationLevel from = c.level;
        EscalationLevel to = ladder.oneRungUp(c.severity, from);
        String reason = "the customer's message was not answered by " + c.replyDueAt
                + (from == to ? " (already as high as a " + c.severity + " case goes)" : "");
        c.replyDueAt = null;
        if (to.isTop() && c.callbackDueAt == null) {
            c.callbackDueAt = ladder.callbackDue(now);
        }
        return record(c, from, to, EscalationReason.UNANSWERED_CUSTOMER_REPLY, reason, now, done);
    }

    /**
     * The case is still not resolved at its resolution deadline, answered or not: one rung up (not above the
     * severity's ceiling), and the resolution timer ends, so it fires once per case. The first-response timer
     * keeps running on its own.
     */
    private Uni<Void> escalateMissedResolution(SupportCase c, Instant now, Escalations done) {
        EscalationLevel from = c.level;
        EscalationLevel to = ladder.oneRungUp(c.severity, from);
        c.resolutionEscalationDueAt = null;
        if (to.isTop() && c.callbackDueAt == null) {
            c.callbackDueAt = ladder.callbackDue(now);
        }
        String reason = "resolution due " + c.resolutionDueAt + " was missed"
                + (from == to ? " (already as high as a " + c.severity + " case goes)" : "")
                + (to.isTop() ? "; service manager to call the customer back by " + c.callbackDueAt : "");
        return record(c, from, to, EscalationReason.RESOLUTION_OVERDUE, reason, now, done);
    }

    /**
     * Moves the case one rung up because a promise made to the customer was not kept (overdue,
     * disputed, broken). A broken promise goes above the severity's ceiling: it is worse than a late
     * answer. Applied once per event id.
     */
    @WithTransaction
    public Uni<Escalations> escalateForPromise(String eventId, UUID caseId, String reason, Instant now) {
        Escalations done = Escalations.none();
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(done)
                : cases.findById(caseId).chain(c -> {
                    Uni<Void> applied = Uni.createFrom().voidItem();
                    if (c != null && c.status != CaseStatus.RESOLVED) {
                        EscalationLevel to = c.level.isTop() ? c.level : c.level.next();
                        if (to.isTop() && c.callbackDueAt == null) {
                            c.callbackDueAt = ladder.callbackDue(now);
                        }
                        applied = record(c, c.level, to, EscalationReason.PROMISE_NOT_KEPT, reason, now, done);
                    }
                    return applied.chain(() -> processed.persist(ProcessedEvent.of(eventId, now))).replaceWith(done);
                }));
    }

    /** Records a move on the ladder: the new level, the step and its reason, the event and the manager's alert. */
    private Uni<Void> record(SupportCase c, EscalationLevel from, EscalationLevel to, EscalationReason code,
            String reason, Instant now, Escalations done) {
        c.level = to;
        c.updatedAt = now;

        EscalationStep step = EscalationStep.of(c.id, from, to, code, reason, now);
        done.moves().add(step);
        CaseUpdated escalated = CaseUpdated.of(c, CaseUpdated.ESCALATED, reason, null, now);
        OutboxMessage event = OutboxMessage.of(CaseUpdated.TOPIC, c.customerId, escalated.type(), json.write(escalated),
                now);
        List<Notification> alert = alerts.escalated(c, from, code, reason, now);
        done.caseIds().add(c.id);
        done.outboxIds().add(event.id);
        return steps.persist(step)
                .chain(() -> outbox.persist(event))
                // A rung is alerted once: a case can breach at the top again after a reopen, and the
                // unique key would otherwise fail the whole batch.
                .chain(() -> notifications.persistNew(alert))
                .invoke(done.notificationIds()::addAll)
                // Reaching the top gives the service manager a callback task (kept if one is open already).
                .chain(() -> to.isTop() ? callbacks.scheduleFor(c, now).invoke(scheduled -> {
                    done.outboxIds().addAll(scheduled.outboxIds());
                    done.notificationIds().addAll(scheduled.notificationIds());
                }).replaceWithVoid() : Uni.createFrom().voidItem());
    }
}
