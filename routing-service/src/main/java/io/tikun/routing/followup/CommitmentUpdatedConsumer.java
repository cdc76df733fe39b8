package io.tikun.routing.followup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.routing.escalation.EscalationService;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.routing.notification.NotificationDispatcher;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxRelay;
import io.tikun.routing.promise.PromiseBook;

/**
 * Sends a case back up the ladder when follow-up reports that a promise on it is overdue, disputed
 * by the customer, or broken. Idempotent on the CloudEvent id; unreadable messages are dead-lettered.
 */
@ApplicationScoped
public class CommitmentUpdatedConsumer {

    // As for complaints: a failure to apply a well-formed event is the database's; retry before dead-lettering.
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private final EscalationService escalations;
    private final OutboxRelay relay;
    private final NotificationDispatcher dispatcher;
    private final EventJson json;
    private final RoutingMetrics metrics;
    private final PromiseBook promises;
    private final Clock clock;

    public CommitmentUpdatedConsumer(EscalationService escalations, OutboxRelay relay, NotificationDispatcher dispatcher,
            EventJson json, RoutingMetrics metrics, PromiseBook promises, Clock clock) {
        this.promises = promises;
        this.metrics = metrics;
        this.escalations = escalations;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("commitments-updated")
    public Uni<Void> onCommitmentUpdated(Message<String> message) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return reject(message, new IllegalArgumentException("message has no CloudEvent id (ce_id)"));
        }
        CommitmentUpdated update;
        try {
            update = json.read(message.getPayload(), CommitmentUpdated.class);
            update.requireComplete();
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable commitments.updated event: " + e.getMessage()));
        }
        // The case page's promises first: applying a change is idempotent and ignores one older than the row's.
        Uni<Boolean> recorded = promises.updated(update).onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY)
                .atMost(ATTEMPTS);
        if (!update.escalates()) {
            return recorded.chain(() -> Uni.createFrom().completionStage(message.ack()))
                    .onFailure().recoverWithUni(failure -> reject(message, failure));
        }
        return recorded.chain(() -> escalate(message, eventId.get(), update))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private Uni<Void> escalate(Message<String> message, String eventId, CommitmentUpdated update) {
        String reason = "promise " + update.change() + (update.reason() == null ? "" : ": " + update.reason());
        return escalations.escalateForPromise(eventId, update.caseId(), reason, clock.instant())
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .invoke(done -> done.moves().forEach(step -> metrics.escalated(step.toLevel, step.reasonCode)))
                .call(done -> relay.publishNow(done.outboxIds()))
                .call(done -> dispatcher.deliverNow(done.notificationIds()).onFailure().recoverWithItem(failure -> {
                    Log.warnf("Alert delivery deferred to the scheduler: %s", failure.getMessage());
                    return null;
                }))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a commitments.updated message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
