package io.tikun.routing.inbox;

import java.util.Collection;
import java.util.List;

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

    /** Which of {@code eventIds} were applied before (one query for a whole batch). */
    public Uni<List<String>> processedAmong(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session
                .createSelectionQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", String.class)
                .setParameter("ids", eventIds).getResultList());
    }
}
