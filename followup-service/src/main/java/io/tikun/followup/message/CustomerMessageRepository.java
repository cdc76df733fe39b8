package io.tikun.followup.message;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The messages follow-up requested for customers, by their stable message id. */
@ApplicationScoped
@WithSession
public class CustomerMessageRepository implements PanacheRepositoryBase<CustomerMessage, String> {

    /** The messages about one promise, oldest first. */
    public Uni<List<CustomerMessage>> forCommitment(UUID commitmentId) {
        return list("commitmentId = ?1 order by requestedAt, messageId", commitmentId);
    }
}
