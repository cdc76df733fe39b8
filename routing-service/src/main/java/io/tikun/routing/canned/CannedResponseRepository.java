package io.tikun.routing.canned;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Canned responses in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CannedResponseRepository implements PanacheRepositoryBase<CannedResponse, UUID> {

    /** Every canned response, by title. */
    public Uni<List<CannedResponse>> allByTitle() {
        return list("order by lower(title), id");
    }
}
