package io.tikun.routing.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Callback tasks in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CallbackTaskRepository implements PanacheRepositoryBase<CallbackTask, UUID> {

    public Uni<Boolean> openFor(UUID caseId) {
        return count("caseId = ?1 and state = ?2", caseId, CallbackState.OPEN).map(n -> n > 0);
    }

    /** Tasks in {@code state} (any if null) due at or before {@code dueBy} (any if null), soonest due first. */
    public Uni<TaskPage> search(CallbackState state, Instant dueBy, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (state != null) {
            clauses.add("state = :state");
            parameters.put("state", state);
        }
        if (dueBy != null) {
            clauses.add("dueAt <= :dueBy");
            parameters.put("dueBy", dueBy);
        }
        String where = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        return find(where, Sort.by("dueAt").and("createdAt"), parameters).page(Page.of(page, size)).list()
                .chain(tasks -> count(where, parameters).map(total -> new TaskPage(tasks, total)));
    }

    /** A page of tasks with the total number of matches. */
    public record TaskPage(List<CallbackTask> tasks, long total) {
    }
}
