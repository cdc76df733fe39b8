package io.tikun.followup.commitment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Commitments in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    public Uni<List<Commitment>> forCase(UUID caseId) {
        return list("caseId = ?1 order by dueAt", caseId);
    }
}
