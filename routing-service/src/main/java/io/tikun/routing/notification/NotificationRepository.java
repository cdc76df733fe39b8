package io.tikun.routing.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

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

    /** NOTIFY with bound values (the NOTIFY statement itself takes no parameters). */
    private static final String ANNOUNCE = "select 1 from pg_notify(:channel, :payload)";

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

    /**
     * Marks a pending stream notification sent and, in the same transaction, announces its id on the shared
     * stream's PostgreSQL channel. PostgreSQL hands the NOTIFY to the listeners only if the transaction commits,
     * and a row someone else already marked is left alone, so each stream notification is announced once.
     *
     * @return the number of rows marked: 1, or 0 when it was no longer pending
     */
    @WithTransaction
    public Uni<Integer> markStreamed(UUID id, Instant at, String channel) {
        return update("state = ?1, sentAt = ?2, lastError = null where id = ?3 and state = ?4", DeliveryState.SENT, at,
                id, DeliveryState.PENDING)
                .chain(marked -> marked == 0 ? Uni.createFrom().item(0)
                        // pg_notify is a function read by a select, not an update statement: run it as one (Hibernate
                        // ORM refuses executeUpdate on a select).
                        : getSession().chain(session -> session.createNativeQuery(ANNOUNCE)
                                .setParameter("channel", channel).setParameter("payload", id.toString())
                                .getSingleResult())
                                .replaceWith(marked));
    }

    /** Records a failed attempt: retried at {@code retryAt}, or given up as FAILED. */
    @WithTransaction
    public Uni<Integer> markFailed(UUID id, String error, Instant retryAt, boolean giveUp) {
        return update("state = ?1, availableAt = ?2, lastError = ?3 where id = ?4",
                giveUp ? DeliveryState.FAILED : DeliveryState.PENDING, retryAt, error, id);
    }

    /** Whether this notification was already stored: the unique key it would otherwise violate. */
    public Uni<Boolean> exists(Notification n) {
        return count("caseId = ?1 and kind = ?2 and level = ?3 and occurrence = ?4 and channel = ?5 and recipient = ?6",
                n.caseId, n.kind, n.level, n.occurrence, n.channel, n.recipient).map(found -> found > 0);
    }

    /**
     * Stores those of {@code candidates} not stored before (one after another, as a reactive session
     * requires) and gives their ids, so the same escalation never notifies anyone twice.
     */
    public Uni<List<UUID>> persistNew(List<Notification> candidates) {
        List<UUID> stored = new ArrayList<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Notification n : candidates) {
            all = all.chain(() -> exists(n)).chain(seen -> seen ? Uni.createFrom().voidItem()
                    : persist(n).invoke(() -> stored.add(n.id)).replaceWithVoid());
        }
        return all.replaceWith(stored);
    }

    /**
     * The stream notifications sent since the one with id {@code lastId}, oldest first, at most {@code limit}; none
     * when no notification has that id. One sent in the same instant as {@code lastId} counts as later: a client
     * may see it twice, never miss it.
     */
    public Uni<List<Notification>> streamedSince(UUID lastId, int limit) {
        return find("channel = ?1 and state = ?2 and id <> ?3 and sentAt >= (select n.sentAt from Notification n "
                + "where n.id = ?3) order by sentAt, id", NotificationChannels.STREAM, DeliveryState.SENT, lastId)
                .page(0, limit).list();
    }

    /** Notifications of the given ids, for the live stream. */
    public Uni<List<Notification>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    public Uni<List<Notification>> forCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt", caseId);
    }

    private static void claim(Notification notification, Instant claimUntil) {
        notification.availableAt = claimUntil;
        notification.attempts++;
    }
}
