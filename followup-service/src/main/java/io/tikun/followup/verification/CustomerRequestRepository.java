package io.tikun.followup.verification;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The links sent to customers, one row per claim. */
@ApplicationScoped
@WithSession
public class CustomerRequestRepository implements PanacheRepositoryBase<CustomerRequest, UUID> {

    /** The request of the latest claim, or null if the customer was never asked (no address). */
    public Uni<CustomerRequest> latest(UUID commitmentId) {
        return find("commitmentId = ?1 order by claimedAt desc", commitmentId).firstResult();
    }

    public Uni<List<CustomerRequest>> all(UUID commitmentId) {
        return list("commitmentId = ?1", commitmentId);
    }

    /** How many claims of the commitment asked its customer so far; the n-th claim's request is number n. */
    public Uni<Long> countFor(UUID commitmentId) {
        return count("commitmentId", commitmentId);
    }
}
