package io.tikun.routing.conversation;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.routing.notification.NotificationDispatcher;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Follows what became of the messages routing asked intake to deliver ({@code customer.messages.status}). Idempotent
 * on the CloudEvent id; reports on follow-up's messages are acknowledged and ignored; unreadable messages go to
 * {@code customer.messages.status.dlq}.
 */
@ApplicationScoped
public class CustomerMessageStatusConsumer {

    // As for complaints: a failure to apply a well-formed event is the database's; retry before dead-lettering.
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private final DeliveryStatusService service;
    private final OutboxRelay relay;
    private final NotificationDispatcher dispatcher;
    private final EventJson json;

    public CustomerMessageStatusConsumer(DeliveryStatusService service, OutboxRelay relay,
            NotificationDispatcher dispatcher, EventJson json) {
        this.service = service;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Incoming("customer-messages-status")
    public Uni<Void> onStatus(Message<String> message) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return reject(message, new IllegalArgumentException("message has no CloudEvent id (ce_id)"));
        }
        CustomerMessageStatus report;
        try {
            report = json.read(message.getPayload(), CustomerMessageStatus.class);
            report.requireComplete();
        } catch (Exception e) {
            return reject(message,
                    new IllegalArgumentException("unreadable customer.messages.status event: " + e.getMessage()));
        }
        if (!report.requestedByRouting()) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return service.apply(eventId.get(), report)
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .invoke(applied -> applied.onCommitted().run())
                .call(applied -> relay.publishNow(applied.outboxIds()))
                .call(applied -> dispatcher.deliverNow(applied.notificationIds()).onFailure().recoverWithItem(failure -> {
                    Log.warnf("Alert delivery deferred to the scheduler: %s", failure.getMessage());
                    return null;
                }))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a customer.messages.status message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
