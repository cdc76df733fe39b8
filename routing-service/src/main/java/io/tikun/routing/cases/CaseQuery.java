package io.tikun.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/** Filters and order of a case queue, turned into one parameterized query. */
public record CaseQuery(String complaintId, Severity severity, EscalationLevel level, CaseStatus status, String assignee,
        boolean unassigned, boolean overdue, CaseOrder order, String channel, boolean unresolved, List<String> assignees,
        String customerId) {

    /** Without a team ({@code assignees}, any of whom holds the case) or a customer to narrow to. */
    public CaseQuery(String complaintId, Severity severity, EscalationLevel level, CaseStatus status, String assignee,
            boolean unassigned, boolean overdue, CaseOrder order, String channel, boolean unresolved) {
        this(complaintId, severity, level, status, assignee, unassigned, overdue, order, channel, unresolved, null, null);
    }

    public CaseQuery(String complaintId, Severity severity, EscalationLevel level, CaseStatus status, String assignee,
            boolean unassigned, boolean overdue, CaseOrder order) {
        this(complaintId, severity, level, status, assignee, unassigned, overdue, order, null, false);
    }

    /**
     * Queue orders: first response due soonest, the next deadline (first response while unanswered, then
     * resolution) soonest, newest, or oldest first.
     */
    public enum CaseOrder {
        DUE,
        NEXT_DUE,
        NEWEST,
        OLDEST;

        /** The next deadline: the first response's while unanswered, then the resolution's (V34 indexes it). */
        static final String NEXT_DEADLINE = "case when firstRespondedAt is null then firstResponseDueAt"
                + " else coalesce(resolutionDueAt, firstResponseDueAt) end";

        String orderBy() {
            return switch (this) {
                case DUE -> "firstResponseDueAt, openedAt";
                case NEXT_DUE -> NEXT_DEADLINE + ", openedAt";
                case NEWEST -> "openedAt desc";
                case OLDEST -> "openedAt";
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
        add(clauses, parameters, "channel", channel);
        add(clauses, parameters, "customerId", customerId);
        if (assignees != null) {
            // A team with no members holds no case.
            clauses.add(assignees.isEmpty() ? "1 = 0" : "assignee in :assignees");
            if (!assignees.isEmpty()) {
                parameters.put("assignees", assignees);
            }
        }
        if (unresolved) {
            clauses.add("status <> :resolved");
            parameters.put("resolved", CaseStatus.RESOLVED);
        }
        if (unassigned) {
            clauses.add("assignee is null");
        }
        if (overdue) {
            clauses.add("firstRespondedAt is null and firstResponseDueAt < :now");
            if (order == CaseOrder.NEXT_DUE) {
                // The same condition said of the order's expression (the first response's deadline while unanswered), so
                // that an index on that expression can stop at now. With V34's indexes PostgreSQL still chose the same
                // bitmap plan, no faster at a million cases (RESULTS.md 2026-12-06 23:40Z); a partial index on the
                // expression for unanswered unresolved cases is what would use it.
                clauses.add(CaseOrder.NEXT_DEADLINE + " < :now");
            }
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
