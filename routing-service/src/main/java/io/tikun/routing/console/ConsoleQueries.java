package io.tikun.routing.console;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationChannels;
import io.tikun.routing.reports.ResponseMeasure;

/** The console's reads over cases and notifications. */
@ApplicationScoped
@WithSession
public class ConsoleQueries {

    /** How the response-times report names answers nobody is credited with. */
    static final String UNASSIGNED = "(unassigned)";

    /**
     * Unresolved, as a literal rather than a parameter: PostgreSQL then knows the partial indexes on unresolved cases
     * (V34, V40) apply under a prepared statement's generic plan too. With a parameter, the load per agent read every
     * case once the plan went generic (180 ms at a million cases against 21).
     */
    private static final String UNRESOLVED = "c.status <> io.tikun.routing.cases.CaseStatus.RESOLVED";
    private static final String CALLBACKS = """
            from SupportCase c
            where c.level = :level and %s and c.callbackDueAt is not null
            order by c.callbackDueAt""".formatted(UNRESOLVED);
    private static final String AT_RISK = """
            from SupportCase c
            where c.firstRespondedAt is null and %s and c.firstResponseDueAt <= :horizon
            order by c.firstResponseDueAt""".formatted(UNRESOLVED);
    private static final String LOAD = """
            select c.assignee, count(c),
                   sum(case when c.severity in (:urgent) then 1 else 0 end),
                   sum(case when c.firstRespondedAt is null and c.firstResponseDueAt < :now then 1 else 0 end)
            from SupportCase c where %s
            group by c.assignee""".formatted(UNRESOLVED);
    private static final String RESOLVED = """
            select c.severity, c.channel, c.assignee, c.receivedAt, c.resolvedAt from SupportCase c
            where c.resolvedAt >= :from and c.resolvedAt < :to and c.probe = false""";
    private static final String RECENT = """
            from Notification n where n.channel = :channel order by n.createdAt desc""";

    /** Open cases owing the manager's callback, the earliest due first. */
    public Uni<List<SupportCase>> callbacksOwed(int limit) {
        return Panache.getSession().chain(session -> session.createQuery(CALLBACKS, SupportCase.class)
                .setParameter("level", EscalationLevel.MANAGER_CALLBACK)
                .setMaxResults(limit).getResultList());
    }

    /** Unanswered open cases whose first response is due by {@code horizon} (breached ones included). */
    public Uni<List<SupportCase>> dueBy(Instant horizon, int limit) {
        return Panache.getSession().chain(session -> session.createQuery(AT_RISK, SupportCase.class)
                .setParameter("horizon", horizon)
                .setMaxResults(limit).getResultList());
    }

    /** Open cases per assignee (null: nobody): how many, how many critical or high, how many past first response. */
    public Uni<List<ConsoleOverview.AgentLoad>> load(Instant now) {
        return Panache.getSession().chain(session -> session.createQuery(LOAD, Object[].class)
                .setParameter("urgent", List.of(Severity.CRITICAL, Severity.HIGH))
                .setParameter("now", now).getResultList())
                .map(rows -> rows.stream().map(r -> new ConsoleOverview.AgentLoad((String) r[0], count(r[1]), count(r[2]),
                        count(r[3]))).toList());
    }

    /**
     * Cases resolved in {@code [from, to)} as measures from receipt to resolution, credited to the assignee: the
     * response-times report's grouping and business minutes then apply to resolution as well.
     */
    public Uni<List<ResponseMeasure>> resolutions(Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createQuery(RESOLVED, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(r -> new ResponseMeasure((Severity) r[0], (String) r[1],
                        r[2] == null ? UNASSIGNED : (String) r[2], (Instant) r[3], (Instant) r[4])).toList());
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The latest notifications of the live stream, newest first. */
    public Uni<List<Notification>> recentStreamed(int limit) {
        return Panache.getSession().chain(session -> session.createQuery(RECENT, Notification.class)
                .setParameter("channel", NotificationChannels.STREAM)
                .setMaxResults(limit).getResultList());
    }
}
