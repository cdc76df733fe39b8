package io.tikun.intake.enrichment;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/** Puts routing's case changes (opened, escalated, responded, resolved, …) on the customer's timeline. */
@ApplicationScoped
public class CasesUpdatedConsumer {

    private final TimelineEventConsumer consumer;

    public CasesUpdatedConsumer(TimelineEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("cases-updated")
    public Uni<Void> onCaseUpdated(Message<String> message) {
        return consumer.consume(message, CaseUpdated.TOPIC, CaseUpdated.class, event -> {
            event.requireComplete();
            return new TimelineEventConsumer.Parsed(event.customerId(), event.toEntry());
        });
    }
}
