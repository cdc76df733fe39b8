package io.tikun.followup.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The outbox table; claims rows with FOR UPDATE SKIP LOCKED so concurrent relays never take the same row. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    private static final String DUE = """
            select * from {h-schema}outbox_message
            where published_at is null and available_at <= :now
            order by created_at
            limit :limit
            for update skip locked""";

    private static final String DUE_AMONG = """
            select * from {h-schema}outbox_message
            where published_at is null and available_at <= :now and id in (:ids)
            for update skip locked""";

    /** Claims up to {@code limit} due messages until {@code claimUntil}. */
    @WithTransaction
    public Uni<List<OutboxMessage>> claimDue(Instant now, Instant claimUntil, int limit) {
        return getSession().chain(session -> session.createNativeQuery(DUE, OutboxMessage.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(claimed -> claimed.forEach(message -> claim(message, claimUntil)));
    }

    /** Claims the given messages if they are still due (the inline publish right after a commit). */
    @WithTransaction
    public Uni<List<OutboxMessage>> claimAmong(List<UUID> ids, Instant now, Instant claimUntil) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(DUE_AMONG, OutboxMessage.class)
                .setParameter("now", now).setParameter("ids", ids).getResultList())
                .invoke(claimed -> claimed.forEach(message -> claim(message, claimUntil)));
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
