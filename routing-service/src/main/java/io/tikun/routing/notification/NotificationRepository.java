package io.tikun.routing.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Stored notifications; due ones are claimed with FOR UPDATE SKIP LOCKED, one claimant per row, and only the holder of
 * a row's current claim (instance and token) can renew it or mark it sent or failed. A severe case's alert is claimed
 * ahead of every other due row (V23's index serves that order), so it never waits behind a backlog of others.
 */
@ApplicationScoped
@WithSession
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final String DUE = """
            select * from {h-schema}notification
            where state = 'PENDING' and available_at <= :now and (claimed_until is null or claimed_until <= :now)
            order by (case when kind = 'SEVERE_CASE_OPENED' then 0 else 1 end), created_at
            limit :limit
            for update skip locked""";

    private static final String DUE_AMONG = """
            select * from {h-schema}notification
            where state = 'PENDING' and available_at <= :now and (claimed_until is null or claimed_until <= :now)
              and id in (:ids)
            for update skip locked""";

    /** The row is still pending and the caller holds its current claim (?1 id, ?2 instance, ?3 token). */
    private static final String HELD = "id = ?1 and claimedBy = ?2 and claimToken = ?3 and state = ?4";

    /**
     * Marks the caller's held stream rows sent and NOTIFYs their ids, oldest first, in one statement: pg_notify is a
     * function (the NOTIFY statement itself takes no parameters), called once per marked row.
     */
    private static final String MARK_AND_ANNOUNCE = """
            with marked as (
                update {h-schema}notification
                set state = 'SENT', sent_at = :at, last_error = null, claim_token = null, claimed_until = null
                where id in (:ids) and claim_token in (:tokens) and claimed_by = :instance and state = 'PENDING'
                returning id, created_at)
            select count(pg_notify(:channel, announced.id::text))
            from (select id from marked order by created_at, id) announced""";

    /** Announces the given ids on the shared stream's channel, in this order, when the caller's transaction commits. */
    private static final String ANNOUNCE = """
            select count(pg_notify(:channel, announced.id))
            from (select id from unnest(string_to_array(:ids, ',')) with ordinality as t(id, n) order by n) announced""";

    /**
     * Stores new rows in the caller's transaction, its stream rows already sent and announced: pg_notify is delivered
     * when the transaction commits and not at all if it rolls back, so they reach every instance's live stream the
     * moment the change they tell of is committed, with no claim or dispatcher pass of their own. That is what
     * {@link #markStreamed} does for a stored row, done in the transaction that stores it.
     */
    public Uni<Void> persistAnnouncingStream(List<Notification> rows, Instant at, String channel) {
        List<Notification> streamed = rows.stream().filter(n -> NotificationChannels.STREAM.equals(n.channel)).toList();
        streamed.forEach(n -> {
            n.state = DeliveryState.SENT;
            n.sentAt = at;
        });
        Uni<Void> stored = rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows);
        if (streamed.isEmpty()) {
            return stored;
        }
        String ids = streamed.stream().map(n -> n.id.toString()).collect(Collectors.joining(","));
        return stored.chain(() -> getSession()).chain(session -> session.createNativeQuery(ANNOUNCE, Long.class)
                .setParameter("channel", channel).setParameter("ids", ids).getSingleResult())
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<List<Notification>> claimDue(Instant now, Instant claimUntil, int limit, String instance) {
        return getSession().chain(session -> session.createNativeQuery(DUE, Notification.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(claimed -> claimed.forEach(n -> claim(n, claimUntil, instance)));
    }

    @WithTransaction
    public Uni<List<Notification>> claimAmong(List<UUID> ids, Instant now, Instant claimUntil, String instance) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(DUE_AMONG, Notification.class)
                .setParameter("now", now).setParameter("ids", ids).getResultList())
                .invoke(claimed -> claimed.forEach(n -> claim(n, claimUntil, instance)));
    }

    /**
     * Extends the caller's claim on a row it is about to send, so a long batch never sends a row whose claim lapsed
     * meanwhile: 1 if the claim was still the caller's, 0 if another instance has taken the row (or it was settled).
     */
    @WithTransaction
    public Uni<Integer> renew(Notification n, Instant claimUntil) {
        return update("claimedUntil = ?5 where " + HELD, n.id, n.claimedBy, n.claimToken, DeliveryState.PENDING,
                claimUntil);
    }

    /** Marks the row sent if the caller still holds its claim; 0 when the claim was lost (the mark is refused). */
    @WithTransaction
    public Uni<Integer> markSent(Notification n, Instant at) {
        return update("state = ?5, sentAt = ?6, lastError = null, claimToken = null, claimedUntil = null where " + HELD,
                n.id, n.claimedBy, n.claimToken, DeliveryState.PENDING, DeliveryState.SENT, at);
    }

    /**
     * Marks pending stream notifications sent and, in the same transaction, announces their ids on the shared stream's
     * PostgreSQL channel, oldest first: one transaction and one round trip for a dispatcher pass's stream rows, whose
     * announcements then reach every listener together. PostgreSQL hands the NOTIFYs to the listeners only if the
     * transaction commits, and a row the caller no longer holds (marked, or claimed by another instance) is neither
     * marked nor announced, so each stream notification is announced once.
     *
     * @return the number of rows marked and announced
     */
    @WithTransaction
    public Uni<Integer> markStreamed(List<Notification> rows, Instant at, String channel) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // A claim token is a random UUID drawn for one row's claim, so "id among ours and token among ours" holds
        // exactly the rows whose current claim is still the caller's.
        String instance = rows.get(0).claimedBy;
        return getSession().chain(session -> session.createNativeQuery(MARK_AND_ANNOUNCE, Long.class)
                .setParameter("at", at).setParameter("channel", channel).setParameter("instance", instance)
                .setParameter("ids", rows.stream().map(n -> n.id).toList())
                .setParameter("tokens", rows.stream().map(n -> n.claimToken).toList())
                .getSingleResult())
                .map(Long::intValue);
    }

    /**
     * Records a failed attempt, retried at {@code retryAt} or given up as FAILED, if the caller still holds the claim;
     * the claim ends either way.
     */
    @WithTransaction
    public Uni<Integer> markFailed(Notification n, String error, Instant retryAt, boolean giveUp) {
        return update("state = ?5, availableAt = ?6, lastError = ?7, claimToken = null, claimedUntil = null where " + HELD,
                n.id, n.claimedBy, n.claimToken, DeliveryState.PENDING,
                giveUp ? DeliveryState.FAILED : DeliveryState.PENDING, retryAt, error);
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

    private static void claim(Notification notification, Instant claimUntil, String instance) {
        notification.claimedBy = instance;
        notification.claimToken = UUID.randomUUID();
        notification.claimedUntil = claimUntil;
        notification.attempts++;
    }
}
