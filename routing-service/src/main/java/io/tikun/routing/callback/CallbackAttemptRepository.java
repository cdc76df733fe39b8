package io.tikun.routing.callback;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The calls made on callback tasks. */
@ApplicationScoped
@WithSession
public class CallbackAttemptRepository implements PanacheRepositoryBase<CallbackAttempt, UUID> {

    public Uni<List<CallbackAttempt>> of(UUID taskId) {
        return list("taskId = ?1 order by recordedAt", taskId);
    }
}
