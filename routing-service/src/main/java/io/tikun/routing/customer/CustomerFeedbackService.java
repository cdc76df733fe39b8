package io.tikun.routing.customer;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.inbox.ProcessedEvent;
import io.tikun.routing.inbox.ProcessedEventRepository;

/** Stores follow-up's feedback events once each (idempotent on the CloudEvent id). */
@ApplicationScoped
public class CustomerFeedbackService {

    private final ProcessedEventRepository processed;
    private final CustomerFeedbackRepository feedback;
    private final Clock clock;

    public CustomerFeedbackService(ProcessedEventRepository processed, CustomerFeedbackRepository feedback,
            Clock clock) {
        this.processed = processed;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** Stores the event unless one with this id was applied already; returns whether it was new. */
    @WithTransaction
    public Uni<Boolean> record(String eventId, CustomerFeedbackEvent event) {
        Instant now = clock.instant();
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(false)
                : feedback.persist(CustomerFeedback.of(eventId, event, now))
                        .call(() -> processed.persist(ProcessedEvent.of(eventId, now)))
                        .replaceWith(true));
    }
}
