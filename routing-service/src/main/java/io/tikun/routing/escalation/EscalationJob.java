package io.tikun.routing.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.routing.notification.NotificationDispatcher;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Fires durable escalation timers: every {@code check-every} it escalates the cases whose first response,
 * answer to a further message or resolution is overdue, then publishes the events and sends the alerts that
 * transaction committed. Safe to run on every routing instance at once (see {@link EscalationService}).
 */
@ApplicationScoped
public class EscalationJob {

    /** The scheduler identity, so the job can be paused (e.g. by a test driving it by hand). */
    public static final String IDENTITY = "escalation-check";

    private final EscalationService escalations;
    private final OutboxRelay relay;
    private final NotificationDispatcher dispatcher;
    private final RoutingConfig.Escalation config;
    private final RoutingMetrics metrics;
    private final Clock clock;

    public EscalationJob(EscalationService escalations, OutboxRelay relay, NotificationDispatcher dispatcher,
            RoutingConfig config, RoutingMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.escalations = escalations;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.config = config.escalation();
        this.clock = clock;
    }

    private void measure(EscalationService.Escalations done) {
        done.moves().forEach(step -> metrics.escalated(step.toLevel, step.reasonCode));
        done.breaches().forEach(metrics::breached);
    }

    @Scheduled(identity = IDENTITY, every = "${tikun.routing.escalation.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return escalateDue()
                .onFailure().recoverWithItem(failure -> {
                    // The timers stay due, so the next check tries again.
                    Log.warnf("Escalation check failed: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * Claims and escalates one batch of due cases, then sends what it committed. Whatever fails to go
     * out now is left to the outbox relay and the notification dispatcher.
     */
    public Uni<EscalationService.Escalations> escalateDue() {
        // Microseconds: what PostgreSQL keeps, so the instants written equal the instants read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return escalations.escalateDue(now, config.batchSize())
                .invoke(done -> {
                    if (!done.caseIds().isEmpty()) {
                        Log.infof("Escalated %d case(s) with an overdue first response, reply or resolution: %s",
                                done.caseIds().size(), done.caseIds());
                    }
                })
                .invoke(this::measure)
                .call(done -> relay.publishNow(done.outboxIds()))
                .call(done -> dispatcher.deliverNow(done.notificationIds())
                        .onFailure().recoverWithItem(failure -> {
                            Log.warnf("Escalation alert delivery deferred to the scheduler: %s", failure.getMessage());
                            return null;
                        }));
    }
}
