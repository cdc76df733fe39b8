package io.tikun.routing.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The outbox table. Rows are claimed per key in the order they were written: a relay first locks the oldest unpublished
 * row of each key (FOR UPDATE SKIP LOCKED, so concurrent relays never take the same key), then that key's later rows
 * behind it. While a key's oldest row is claimed, or waits for a retry after a failed publish, no relay takes any
 * of the key's later rows, so one customer's events leave in order and a failure holds back only its own key.
 */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    /** The oldest unpublished row of each key, if due; the {@code %s} narrows the keys, or not. */
    private static final String DUE_HEADS = """
            select * from {h-schema}outbox_message m
            where m.published_at is null and m.available_at <= :now %s
              and not exists (select 1 from {h-schema}outbox_message e
                              where e.message_key = m.message_key and e.published_at is null
                                and (e.created_at, e.id) < (m.created_at, m.id))
            order by m.created_at, m.id
            limit :limit
            for update of m skip locked""";

    private static final String ANY_KEY = "";
    private static final String THESE_KEYS = "and m.message_key in (:keys)";

    /** The unpublished rows of keys whose oldest row this transaction holds, in the order they were written. */
    private static final String KEYS_IN_ORDER = """
            select * from {h-schema}outbox_message
            where published_at is null and message_key in (:keys)
            order by created_at, id
            limit :limit
            for update""";

    private static final String KEYS_OF = "select distinct message_key from {h-schema}outbox_message where id in (:ids)";

    /** Claims up to {@code limit} due messages until {@code claimUntil}, each key's in the order they were written. */
    @WithTransaction
    public Uni<List<OutboxMessage>> claimDue(Instant now, Instant claimUntil, int limit) {
        return claimKeys(List.of(), now, claimUntil, limit);
    }

    /**
     * Claims the keys of the given messages (the inline publish right after a commit): their earlier unpublished rows
     * first, so a fresh event never overtakes an older one of its key; nothing of a key another relay holds.
     */
    @WithTransaction
    public Uni<List<OutboxMessage>> claimAmong(List<UUID> ids, Instant now, Instant claimUntil, int limit) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(KEYS_OF, String.class)
                .setParameter("ids", ids).getResultList())
                .chain(keys -> keys.isEmpty() ? Uni.createFrom().item(List.<OutboxMessage> of())
                        : claimKeys(keys, now, claimUntil, limit));
    }

    /** Locks the due oldest row of each key (of {@code keys}, or of all when empty), then claims those keys' rows. */
    private Uni<List<OutboxMessage>> claimKeys(List<String> keys, Instant now, Instant claimUntil, int limit) {
        return getSession().chain(session -> {
            var heads = session.createNativeQuery(DUE_HEADS.formatted(keys.isEmpty() ? ANY_KEY : THESE_KEYS),
                    OutboxMessage.class).setParameter("now", now).setParameter("limit", limit);
            if (!keys.isEmpty()) {
                heads.setParameter("keys", keys);
            }
            return heads.getResultList().chain(locked -> locked.isEmpty() ? Uni.createFrom().item(List.<OutboxMessage> of())
                    : session.createNativeQuery(KEYS_IN_ORDER, OutboxMessage.class)
                            .setParameter("keys", locked.stream().map(h -> h.key).distinct().toList())
                            .setParameter("limit", limit).getResultList());
        }).invoke(claimed -> claimed.forEach(message -> claim(message, claimUntil)));
    }

    @WithTransaction
    public Uni<Integer> markPublished(List<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("publishedAt = ?1 where id in ?2", at, ids);
    }

    private static void claim(OutboxMessage message, Instant claimUntil) {
        message.availableAt = claimUntil;
        message.attempts++;
    }
}
