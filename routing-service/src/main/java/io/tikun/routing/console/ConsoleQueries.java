package io.tikun.routing.console;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationChannels;

/** The console's reads over cases and notifications. */
@ApplicationScoped
@WithSession
public class ConsoleQueries {

    private static final String CALLBACKS = """
            from SupportCase c
            where c.level = :level and c.status <> :resolved and c.callbackDueAt is not null
            order by c.callbackDueAt""";
    private static final String AT_RISK = """
            from SupportCase c
            where c.firstRespondedAt is null and c.status <> :resolved and c.firstResponseDueAt <= :horizon
            order by c.firstResponseDueAt""";
    private static final String RECENT = """
            from Notification n where n.channel = :channel order by n.createdAt desc""";

    /** Open cases owing the manager's callback, the earliest due first. */
    public Uni<List<SupportCase>> callbacksOwed(int limit) {
        return Panache.getSession().chain(session -> session.createQuery(CALLBACKS, SupportCase.class)
                .setParameter("level", EscalationLevel.MANAGER_CALLBACK)
                .setParameter("resolved", CaseStatus.RESOLVED)
                .setMaxResults(limit).getResultList());
    }

    /** Unanswered open cases whose first response is due by {@code horizon} (breached ones included). */
    public Uni<List<SupportCase>> dueBy(Instant horizon, int limit) {
        return Panache.getSession().chain(session -> session.createQuery(AT_RISK, SupportCase.class)
                .setParameter("resolved", CaseStatus.RESOLVED)
                .setParameter("horizon", horizon)
                .setMaxResults(limit).getResultList());
    }

    /** The latest notifications of the live stream, newest first. */
    public Uni<List<Notification>> recentStreamed(int limit) {
        return Panache.getSession().chain(session -> session.createQuery(RECENT, Notification.class)
                .setParameter("channel", NotificationChannels.STREAM)
                .setMaxResults(limit).getResultList());
    }
}
