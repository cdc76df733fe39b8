package io.tikun.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Sort;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/** Filters and order of a case queue, turned into one parameterized query. */
public record CaseQuery(String complaintId, Severity severity, EscalationLevel level, CaseStatus status, String assignee,
        boolean unassigned, boolean overdue, CaseOrder order) {

    /** Queue orders: what is due soonest, newest, or oldest first. */
    public enum CaseOrder {
        DUE,
        NEWEST,
        OLDEST;

        Sort sort() {
            return switch (this) {
                case DUE -> Sort.by("firstResponseDueAt").and("openedAt");
                case NEWEST -> Sort.by("openedAt", Sort.Direction.Descending);
                case OLDEST -> Sort.by("openedAt");
            };
        }
    }

    String where(Instant now, Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>();
        add(clauses, parameters, "complaintId", complaintId);
        add(clauses, parameters, "severity", severity);
        add(clauses, parameters, "level", level);
        add(clauses, parameters, "status", status);
        add(clauses, parameters, "assignee", assignee);
        if (unassigned) {
            clauses.add("assignee is null");
        }
        if (overdue) {
            clauses.add("firstRespondedAt is null and firstResponseDueAt < :now");
            parameters.put("now", now);
        }
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    Map<String, Object> newParameters() {
        return new HashMap<>();
    }

    private static void add(List<String> clauses, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            clauses.add(field + " = :" + field);
            parameters.put(field, value);
        }
    }
}
