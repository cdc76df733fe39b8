package io.tikun.routing.cases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Cases in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CaseRepository implements PanacheRepositoryBase<SupportCase, UUID> {

    public Uni<SupportCase> findByComplaintId(String complaintId) {
        return find("complaintId", complaintId).firstResult();
    }
}
