package io.tikun.routing.promise;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The promises read model in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CasePromiseRepository implements PanacheRepositoryBase<CasePromise, UUID> {

    /** A case's promises, soonest due first. */
    public Uni<List<CasePromise>> ofCase(UUID caseId) {
        return list("caseId", Sort.by("dueAt").and("madeAt"), caseId);
    }

    /** A customer's latest promises on any case, newest first. */
    public Uni<List<CasePromise>> ofCustomer(String customerId, int limit) {
        return find("customerId", Sort.by("madeAt", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST),
                customerId).page(Page.ofSize(limit)).list();
    }
}
