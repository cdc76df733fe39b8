package io.tikun.routing.cases;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Every resolution of cases, with the agent's category and root cause. */
@ApplicationScoped
@WithSession
public class CaseResolutionRepository implements PanacheRepositoryBase<CaseResolution, UUID> {

    /** The case's resolutions, first first. */
    public Uni<List<CaseResolution>> of(UUID caseId) {
        return list("caseId = ?1 order by resolutionNo", caseId);
    }
}
