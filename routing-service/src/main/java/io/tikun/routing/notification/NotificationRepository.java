package io.tikun.routing.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.escalation.EscalationLevel;

/** Stored notifications; due ones are claimed with FOR UPDATE SKIP LOCKED, one claimant per row. */
@ApplicationScoped
@WithSession
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final String DUE = """
            select * from {h-schema}notification
            where state = 'PENDING' and available_at <= :now
            order by created_at
            limit :limit
            for update skip locked""";

    private static final String DUE_AMONG = """
            select * from {h-schema}notification
            where state = 'PENDING' and available_at <= :now and id in (:ids)
            for update skip locked""";

    @WithTransaction
    public Uni<List<Notification>> claimDue(Instant now, Instant claimUntil, int limit) {
        return getSession().chain(session -> session.createNativeQuery(DUE, Notification.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(claimed -> claimed.forEach(n -> claim(n, claimUntil)));
    }

    @WithTransaction
    public Uni<List<Notification>> claimAmong(List<UUID> ids, Instant now, Instant claimUntil) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(DUE_AMONG, Notification.class)
                .setParameter("now", now).setParameter("ids", ids).getResultList())
                .invoke(claimed -> claimed.forEach(n -> claim(n, claimUntil)));
    }

    @WithTransaction
    public Uni<Integer> markSent(UUID id, Instant at) {
        return update("state = ?1, sentAt = ?2, lastError = null where id = ?3", DeliveryState.SENT, at, id);
    }

    /** Records a failed attempt: retried at {@code retryAt}, or given up as FAILED. */
    @WithTransaction
    public Uni<Integer> markFailed(UUID id, String error, Instant retryAt, boolean giveUp) {
        return update("state = ?1, availableAt = ?2, lastError = ?3 where id = ?4",
                giveUp ? DeliveryState.FAILED : DeliveryState.PENDING, retryAt, error, id);
    }

    /** Whether this alert was already stored: the unique key it would otherwise violate. */
    public Uni<Boolean> exists(UUID caseId, NotificationKind kind, EscalationLevel level, String channel) {
        return count("caseId = ?1 and kind = ?2 and level = ?3 and channel = ?4", caseId, kind, level, channel)
                .map(found -> found > 0);
    }

    public Uni<List<Notification>> forCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt", caseId);
    }

    private static void claim(Notification notification, Instant claimUntil) {
        notification.availableAt = claimUntil;
        notification.attempts++;
    }
}
