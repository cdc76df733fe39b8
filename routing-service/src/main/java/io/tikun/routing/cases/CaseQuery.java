package io.tikun.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
        static String nextDeadline(Naming naming) {
            return "case when " + naming.of("firstRespondedAt") + " is null then " + naming.of("firstResponseDueAt")
                    + " else coalesce(" + naming.of("resolutionDueAt") + ", " + naming.of("firstResponseDueAt") + ") end";
        }

        String orderBy() {
            return switch (this) {
                case DUE -> "firstResponseDueAt, openedAt";
                case NEXT_DUE -> nextDeadline(Naming.HQL) + ", openedAt";
                case NEWEST -> "openedAt desc";
                case OLDEST -> "openedAt";
            };
        }
    }

    /**
     * How a query names a case's fields: by the entity's fields (HQL), or by the table's columns (SQL, where an
     * enum is bound by its name as {@code @Enumerated(STRING)} stores it).
     */
    enum Naming {
        HQL,
        SQL;

        String of(String field) {
            return this == HQL ? field : field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }

        Object bound(Object value) {
            return this == SQL && value instanceof Enum<?> constant ? constant.name() : value;
        }

        /** {@code constant} written into the query: HQL's enum literal, or its stored name in SQL. */
        String literal(Enum<?> constant) {
            return this == HQL ? constant.getDeclaringClass().getName() + "." + constant.name() : "'" + constant.name() + "'";
        }
    }

    /** The filters as an HQL condition, their values put into {@code parameters}. */
    String where(Instant now, Map<String, Object> parameters) {
        return where(now, parameters, Naming.HQL);
    }

    /** The filters as a condition on the entity's fields or the table's columns, their values put into {@code parameters}. */
    String where(Instant now, Map<String, Object> parameters, Naming naming) {
        List<String> clauses = new ArrayList<>();
        add(clauses, parameters, naming, "complaintId", complaintId);
        add(clauses, parameters, naming, "severity", severity);
        add(clauses, parameters, naming, "level", level);
        add(clauses, parameters, naming, "status", status);
        add(clauses, parameters, naming, "assignee", assignee);
        add(clauses, parameters, naming, "channel", channel);
        add(clauses, parameters, naming, "customerId", customerId);
        if (assignees != null) {
            // A team with no members holds no case.
            clauses.add(assignees.isEmpty() ? "1 = 0" : naming.of("assignee") + " in (:assignees)");
            if (!assignees.isEmpty()) {
                parameters.put("assignees", assignees);
            }
        }
        if (unresolved) {
            // A literal, not a parameter: PostgreSQL then knows the unresolved queue's partial indexes (V34, V35, V40)
            // apply under a prepared statement's generic plan too, rather than reading every case.
            clauses.add(naming.of("status") + " <> " + naming.literal(CaseStatus.RESOLVED));
        }
        if (unassigned) {
            clauses.add(naming.of("assignee") + " is null");
        }
        if (overdue) {
            clauses.add(naming.of("firstRespondedAt") + " is null and " + naming.of("firstResponseDueAt") + " < :now");
            if (order == CaseOrder.NEXT_DUE) {
                // The same condition said of the order's expression (the first response's deadline while unanswered), so
                // that an index on that expression can stop at now. With V34's indexes PostgreSQL still chose the same
                // bitmap plan, no faster at a million cases (RESULTS.md 2026-12-06 23:40Z); a partial index on the
                // expression for unanswered unresolved cases is what would use it.
                clauses.add(CaseOrder.nextDeadline(naming) + " < :now");
            }
            parameters.put("now", now);
        }
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    Map<String, Object> newParameters() {
        return new HashMap<>();
    }

    private static void add(List<String> clauses, Map<String, Object> parameters, Naming naming, String field,
            Object value) {
        if (value != null) {
            clauses.add(naming.of(field) + " = :" + field);
            parameters.put(field, naming.bound(value));
        }
    }
}
