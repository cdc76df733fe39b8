package io.tikun.intake.enrichment;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/** Puts follow-up's commitment changes (due soon, overdue, claimed done, verified, broken, …) on the customer's timeline. */
@ApplicationScoped
public class CommitmentsUpdatedConsumer {

    private final TimelineEventConsumer consumer;

    public CommitmentsUpdatedConsumer(TimelineEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("commitments-updated")
    public Uni<Void> onCommitmentUpdated(Message<String> message) {
        return consumer.consume(message, CommitmentUpdated.TOPIC, CommitmentUpdated.class, event -> {
            event.requireComplete();
            return new TimelineEventConsumer.Parsed(event.customerId(), event.toEntry());
        });
    }
}
