package io.tikun.followup.verification;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The used links in PostgreSQL ({@code used_link}), shared by every instance and kept across restarts. Joins the
 * caller's transaction, so a use is recorded only if the answer it carried is recorded too.
 */
@ApplicationScoped
public class PostgresUsedLinkRegistry implements UsedLinkRegistry {

    // The primary key decides atomically: of two requests with the same link, the second waits for the first to
    // commit and then inserts nothing.
    private static final String MARK_USED = """
            insert into {h-schema}used_link (nonce, used_at, expires_at)
            values (:nonce, :usedAt, :expiresAt)
            on conflict (nonce) do nothing""";

    // An expired link is refused by its signature check, so its row is no longer needed to refuse it again.
    private static final String PURGE_EXPIRED = "delete from {h-schema}used_link where expires_at <= :now";

    private final Clock clock;

    public PostgresUsedLinkRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    @WithSession
    public Uni<Boolean> markUsed(String nonce, Instant expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_USED)
                .setParameter("nonce", nonce)
                .setParameter("usedAt", clock.instant())
                .setParameter("expiresAt", expiresAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Deletes the records of links that have expired; returns how many. */
    @WithTransaction
    public Uni<Integer> purgeExpired(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PURGE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate());
    }
}
