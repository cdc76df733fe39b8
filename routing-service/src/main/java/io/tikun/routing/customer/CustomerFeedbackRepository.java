package io.tikun.routing.customer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The customer feedback read model in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CustomerFeedbackRepository implements PanacheRepositoryBase<CustomerFeedback, String> {

    /** The customer's latest feedback, newest first. */
    public Uni<List<CustomerFeedback>> ofCustomer(String customerId, int limit) {
        return find("customerId", Sort.by("occurredAt", Sort.Direction.Descending), customerId)
                .page(Page.ofSize(limit)).list();
    }
}
