package io.tikun.routing.callback;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.routing.notification.NotificationDispatcher;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Records a call's outcome and then does what follows the commit (the metric, publishing the events, delivering the
 * notices): one path for the REST API and the manager console's form.
 */
@ApplicationScoped
public class CallbackOutcomes {

    private final CallbackService callbacks;
    private final OutboxRelay relay;
    private final NotificationDispatcher dispatcher;
    private final RoutingMetrics metrics;

    public CallbackOutcomes(CallbackService callbacks, OutboxRelay relay, NotificationDispatcher dispatcher,
            RoutingMetrics metrics) {
        this.callbacks = callbacks;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    public Uni<CallbackService.Recorded> record(UUID id, Long expectedVersion, CallbackOutcomeRequest request, String by) {
        return callbacks.recordOutcome(id, expectedVersion, request, by)
                .invoke(recorded -> metrics.callbackOutcome(recorded.outcome()))
                .call(recorded -> relay.publishNow(recorded.outboxIds()))
                .call(recorded -> dispatcher.deliverNow(recorded.notificationIds()).onFailure().recoverWithItem(failure -> {
                    Log.warnf("Callback notice delivery deferred to the scheduler: %s", failure.getMessage());
                    return null;
                }));
    }
}
