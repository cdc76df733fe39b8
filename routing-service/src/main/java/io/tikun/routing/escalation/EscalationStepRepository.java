package io.tikun.routing.escalation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The escalation history of cases. */
@ApplicationScoped
@WithSession
public class EscalationStepRepository implements PanacheRepositoryBase<EscalationStep, UUID> {

    public Uni<List<EscalationStep>> history(UUID caseId) {
        return list("caseId = ?1 order by occurredAt", caseId);
    }
}
