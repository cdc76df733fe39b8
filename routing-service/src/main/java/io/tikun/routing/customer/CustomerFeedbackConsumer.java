package io.tikun.routing.customer;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.routing.outbox.EventJson;

/**
 * Keeps what follow-up reports about customers (satisfaction, exit interviews, churn, value tier) for the customer
 * panel. Idempotent on the CloudEvent id; unreadable messages are dead-lettered.
 */
@ApplicationScoped
public class CustomerFeedbackConsumer {

    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private final CustomerFeedbackService service;
    private final EventJson json;

    public CustomerFeedbackConsumer(CustomerFeedbackService service, EventJson json) {
        this.service = service;
        this.json = json;
    }

    @Incoming("customers-feedback")
    public Uni<Void> onFeedback(Message<String> message) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return reject(message, new IllegalArgumentException("message has no CloudEvent id (ce_id)"));
        }
        CustomerFeedbackEvent event;
        try {
            event = json.read(message.getPayload(), CustomerFeedbackEvent.class);
            event.requireComplete();
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable customers.feedback event: " + e.getMessage()));
        }
        return service.record(eventId.get(), event)
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a customers.feedback message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
