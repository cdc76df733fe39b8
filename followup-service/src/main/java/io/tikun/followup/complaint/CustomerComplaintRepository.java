package io.tikun.followup.complaint;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The complaints follow-up knows of, per customer. */
@ApplicationScoped
@WithSession
public class CustomerComplaintRepository implements PanacheRepositoryBase<CustomerComplaint, String> {

    public Uni<List<CustomerComplaint>> forCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("customerId in ?1 order by receivedAt", customerIds);
    }
}
