package io.tikun.followup.commitment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The state history of commitments. */
@ApplicationScoped
@WithSession
public class CommitmentChangeRepository implements PanacheRepositoryBase<CommitmentChange, UUID> {

    public Uni<List<CommitmentChange>> forCommitments(List<UUID> commitmentIds) {
        if (commitmentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("commitmentId in ?1 order by occurredAt", commitmentIds);
    }
}
