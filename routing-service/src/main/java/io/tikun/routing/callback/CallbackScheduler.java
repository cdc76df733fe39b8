package io.tikun.routing.callback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseUpdated;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.notification.ManagerAlertComposer;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationRepository;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxMessage;
import io.tikun.routing.outbox.OutboxRepository;

/**
 * Gives the service manager a callback task when a case reaches MANAGER_CALLBACK, in the transaction that
 * moved it there: the task, the {@code tikun.case.callback-scheduled} event and the manager's notification.
 */
@ApplicationScoped
public class CallbackScheduler {

    private final CallbackTaskRepository tasks;
    private final OutboxRepository outbox;
    private final NotificationRepository notifications;
    private final ManagerAlertComposer alerts;
    private final EventJson json;

    public CallbackScheduler(CallbackTaskRepository tasks, OutboxRepository outbox, NotificationRepository notifications,
            ManagerAlertComposer alerts, EventJson json) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.notifications = notifications;
        this.alerts = alerts;
        this.json = json;
    }

    /** What scheduling committed and is to be sent once the transaction is done. */
    public record Scheduled(List<UUID> outboxIds, List<UUID> notificationIds) {
        static Scheduled nothing() {
            return new Scheduled(List.of(), List.of());
        }
    }

    /**
     * Opens the callback task of a case now at the top, due at its {@code callbackDueAt}; a case that
     * already has an open task keeps it.
     */
    public Uni<Scheduled> scheduleFor(SupportCase c, Instant now) {
        return tasks.openFor(c.id).chain(open -> {
            if (open) {
                return Uni.createFrom().item(Scheduled.nothing());
            }
            CallbackTask task = CallbackTask.forCase(c, c.callbackDueAt, now);
            return tasks.persist(task).chain(() -> announce(c, task, firstReason(c, task), now));
        });
    }

    /** The rows of a new case's first callback: its task, the event and the manager's notices. */
    public record FirstCallback(CallbackTask task, OutboxMessage event, List<Notification> alerts) {
    }

    /**
     * The callback of a case opened at the top in the caller's transaction, built in memory for the caller to store
     * with the case: a case that did not exist has neither an open task nor a callback notice, so there is nothing to
     * look up (a look-up would also flush every row a batch has pending).
     */
    public FirstCallback firstFor(SupportCase c, Instant now) {
        CallbackTask task = CallbackTask.forCase(c, c.callbackDueAt, now);
        return new FirstCallback(task, event(c, firstReason(c, task), now),
                alerts.callbackAssigned(c, task.dueAt, task.attempts + 1, now));
    }

    private static String firstReason(SupportCase c, CallbackTask task) {
        return "service manager to call " + c.customerName + " back by " + task.dueAt;
    }

    private OutboxMessage event(SupportCase c, String reason, Instant now) {
        CaseUpdated event = CaseUpdated.of(c, CaseUpdated.CALLBACK_SCHEDULED, reason, null, now);
        return OutboxMessage.of(CaseUpdated.TOPIC, c.customerId, event.type(), json.write(event), now);
    }

    /** Announces a (re)scheduled call: the event and, once per case and rung, the manager's notification. */
    Uni<Scheduled> announce(SupportCase c, CallbackTask task, String reason, Instant now) {
        OutboxMessage message = event(c, reason, now);
        List<Notification> alert = alerts.callbackAssigned(c, task.dueAt, task.attempts + 1, now);
        return outbox.persist(message)
                // The notification key (case, kind, rung, channel, recipient) admits one callback notice per
                // case and recipient: a retry is announced on cases.updated, and notified only once the key allows it.
                .chain(() -> notifications.persistNew(alert))
                .map(stored -> new Scheduled(List.of(message.id), stored));
    }
}
