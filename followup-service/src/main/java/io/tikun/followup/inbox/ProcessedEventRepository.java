package io.tikun.followup.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Ids of the events this service has already applied. */
@ApplicationScoped
@WithSession
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

    public Uni<Boolean> alreadyProcessed(String eventId) {
        return count("eventId", eventId).map(count -> count > 0);
    }
}
