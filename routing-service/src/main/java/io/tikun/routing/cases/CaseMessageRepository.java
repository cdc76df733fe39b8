package io.tikun.routing.cases;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The conversation on cases after the complaint. */
@ApplicationScoped
@WithSession
public class CaseMessageRepository implements PanacheRepositoryBase<CaseMessage, UUID> {

    public Uni<List<CaseMessage>> of(UUID caseId) {
        return list("caseId = ?1 order by receivedAt", caseId);
    }

    public Uni<Boolean> known(String messageId) {
        return count("messageId", messageId).map(n -> n > 0);
    }
}
