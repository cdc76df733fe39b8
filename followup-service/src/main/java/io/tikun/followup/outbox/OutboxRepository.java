package io.tikun.followup.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The outbox table. Rows are claimed per key (one customer's events), in the order they were written: a relay first
 * takes a transaction-scoped advisory lock on each key, so two relays never work on one key at once, then claims the
 * key's unpublished rows from the oldest on, stopping at the first row it may not take (claimed by an instance that
 * may still be publishing it, or left to lapse after a failed publish). A row that fails thus holds back the later
 * rows of its key and no others.
 */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    // The oldest keys with a due head first. The lock is tried in the outer query, after the limit, so only the keys
    // returned are locked; a key another relay holds is skipped, not waited for.
    private static final String LOCK_DUE_KEYS = """
            select k.message_key from (
                select message_key, min(created_at) as first_at from {h-schema}outbox_message
                where published_at is null and available_at <= :now
                group by message_key
                order by first_at
                limit :limit) k
            where pg_try_advisory_xact_lock(hashtext('followup.outbox'), hashtext(k.message_key))""";

    private static final String LOCK_KEYS_OF = """
            select k.message_key from (
                select distinct message_key from {h-schema}outbox_message
                where published_at is null and id in (:ids)) k
            where pg_try_advisory_xact_lock(hashtext('followup.outbox'), hashtext(k.message_key))""";

    // A separate statement, so that (read committed) it sees every claim committed before this relay got the locks.
    // Cut in global creation order, so each key keeps a prefix of its rows.
    private static final String UNPUBLISHED_OF_KEYS = """
            select * from {h-schema}outbox_message
            where published_at is null and message_key in (:keys)
            order by created_at, id
            limit :limit""";

    /** Claims due messages until {@code claimUntil}, at most {@code limit}, in creation order per key. */
    @WithTransaction
    public Uni<List<OutboxMessage>> claimDue(Instant now, Instant claimUntil, int limit) {
        return getSession().chain(session -> session.createNativeQuery(LOCK_DUE_KEYS, String.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList()
                .chain(keys -> claimInOrder(session, keys, now, claimUntil, limit)));
    }

    /**
     * Claims the keys of the given messages (the inline publish right after a commit): their due messages in order,
     * including older ones of the same key still waiting, so that nothing overtakes them.
     */
    @WithTransaction
    public Uni<List<OutboxMessage>> claimAmong(List<UUID> ids, Instant now, Instant claimUntil, int limit) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(LOCK_KEYS_OF, String.class)
                .setParameter("ids", ids).getResultList()
                .chain(keys -> claimInOrder(session, keys, now, claimUntil, limit)));
    }

    @WithTransaction
    public Uni<Integer> markPublished(List<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("publishedAt = ?1 where id in ?2", at, ids);
    }

    private static Uni<List<OutboxMessage>> claimInOrder(Mutiny.Session session, List<String> keys, Instant now,
            Instant claimUntil, int limit) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createNativeQuery(UNPUBLISHED_OF_KEYS, OutboxMessage.class)
                .setParameter("keys", keys).setParameter("limit", limit).getResultList()
                .map(rows -> {
                    Set<String> stopped = new HashSet<>();
                    List<OutboxMessage> claimed = new ArrayList<>();
                    for (OutboxMessage row : rows) {
                        if (stopped.contains(row.key)) {
                            continue;
                        }
                        if (row.availableAt.isAfter(now)) {
                            // Not ours to take yet: nothing after it in this key may go before it.
                            stopped.add(row.key);
                            continue;
                        }
                        row.availableAt = claimUntil;
                        row.attempts++;
                        claimed.add(row);
                    }
                    return claimed;
                });
    }
}
