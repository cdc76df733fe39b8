package io.tikun.routing.retention;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Deletes old rows in batches. Each batch locks its rows with FOR UPDATE SKIP LOCKED, so instances running the pass at
 * once delete disjoint rows, and deleting by age is idempotent: a second instance finds nothing left to do.
 */
@ApplicationScoped
public class RetentionRepository {

    private static final String PROCESSED_EVENTS = """
            delete from {h-schema}processed_event where event_id in (
                select event_id from {h-schema}processed_event where processed_at < :cutoff
                limit :batch for update skip locked)""";

    private static final String OUTBOX = """
            delete from {h-schema}outbox_message where id in (
                select id from {h-schema}outbox_message where published_at < :cutoff
                limit :batch for update skip locked)""";

    private static final String NOTIFICATIONS = """
            delete from {h-schema}notification where id in (
                select n.id from {h-schema}notification n
                where n.state = 'SENT' and n.sent_at < :cutoff
                  and n.id not in (select r.id from {h-schema}notification r
                                   where r.channel = 'stream' and r.state = 'SENT'
                                   order by r.sent_at desc, r.id desc limit :replayable)
                limit :batch for update of n skip locked)""";

    private final Mutiny.SessionFactory sessions;

    public RetentionRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Deletes up to {@code batch} events applied before {@code cutoff}; the number deleted. */
    public Uni<Integer> deleteProcessedEvents(Instant cutoff, int batch) {
        return delete(PROCESSED_EVENTS, cutoff, batch, null);
    }

    /** Deletes up to {@code batch} outbox rows published before {@code cutoff}. */
    public Uni<Integer> deletePublishedOutbox(Instant cutoff, int batch) {
        return delete(OUTBOX, cutoff, batch, null);
    }

    /** Deletes up to {@code batch} notifications sent before {@code cutoff}, but never the newest {@code replayable}. */
    public Uni<Integer> deleteDeliveredNotifications(Instant cutoff, int batch, int replayable) {
        return delete(NOTIFICATIONS, cutoff, batch, replayable);
    }

    private Uni<Integer> delete(String sql, Instant cutoff, int batch, Integer replayable) {
        return sessions.withTransaction(session -> {
            var delete = session.createNativeQuery(sql).setParameter("cutoff", cutoff).setParameter("batch", batch);
            if (replayable != null) {
                delete.setParameter("replayable", replayable);
            }
            return delete.executeUpdate();
        });
    }
}
