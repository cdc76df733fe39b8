package io.tikun.followup.commitment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Commitments in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    public Uni<List<Commitment>> forCase(UUID caseId) {
        return list("caseId = ?1 order by dueAt", caseId);
    }

    /** One page of the commitments the query selects, in its order (ties broken by id, so pages are stable). */
    public Uni<List<Commitment>> search(CommitmentQuery query) {
        Sort sort = Sort.by(query.sortBy().apiName(), query.descending() ? Sort.Direction.Descending
                : Sort.Direction.Ascending).and("id");
        Filter filter = Filter.of(query);
        PanacheQuery<Commitment> found = filter.where().isEmpty() ? findAll(sort)
                : find(filter.where(), sort, filter.parameters());
        return found.page(Page.of(query.page(), query.size())).list();
    }

    /** How many commitments the query selects over all pages. */
    public Uni<Long> count(CommitmentQuery query) {
        Filter filter = Filter.of(query);
        return filter.where().isEmpty() ? count() : count(filter.where(), filter.parameters());
    }

    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(CommitmentQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            if (query.owner() != null) {
                conditions.add("owner = :owner");
                parameters.put("owner", query.owner());
            }
            if (!query.statuses().isEmpty()) {
                conditions.add("status in :statuses");
                parameters.put("statuses", query.statuses());
            }
            if (query.dueAfter() != null) {
                conditions.add("dueAt >= :dueAfter");
                parameters.put("dueAfter", query.dueAfter());
            }
            if (query.dueBefore() != null) {
                conditions.add("dueAt < :dueBefore");
                parameters.put("dueBefore", query.dueBefore());
            }
            if (query.caseId() != null) {
                conditions.add("caseId = :caseId");
                parameters.put("caseId", query.caseId());
            }
            return new Filter(String.join(" and ", conditions), parameters);
        }
    }
}
