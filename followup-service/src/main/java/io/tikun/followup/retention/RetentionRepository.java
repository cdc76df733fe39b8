package io.tikun.followup.retention;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Deletes one batch of finished rows older than a cutoff from a growing table. Each batch is its own short
 * transaction and skips rows another instance is deleting, so several instances can purge at once without waiting on
 * one another or holding long locks.
 */
@ApplicationScoped
public class RetentionRepository {

    /** A table that only grows, and which of its rows are finished and by when. */
    public enum Table {
        /** Consumed events' ids: once older than any redelivery, dedup no longer needs them. */
        PROCESSED_EVENT("processed_event", "event_id", "processed_at"),
        /** Events published to Kafka; unpublished ones are never deleted. */
        OUTBOX_MESSAGE("outbox_message", "id", "published_at"),
        /** E-mails sent; unsent and abandoned ones are kept. */
        MAIL_DELIVERY("mail_delivery", "id", "sent_at"),
        /** Messages requested from intake for customers, by the time of the request, whatever became of them. */
        CUSTOMER_MESSAGE("customer_message", "message_id", "requested_at");

        final String delete;

        Table(String table, String key, String finishedAt) {
            // finishedAt < cutoff is false for null, so unfinished rows never match.
            this.delete = """
                    delete from {h-schema}%1$s where %2$s in (
                        select %2$s from {h-schema}%1$s where %3$s < :cutoff
                        limit :batch
                        for update skip locked)""".formatted(table, key, finishedAt);
        }
    }

    /** Deletes up to {@code batch} rows of {@code table} finished before {@code cutoff}; returns how many. */
    @WithTransaction
    public Uni<Integer> deleteBatch(Table table, Instant cutoff, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(table.delete)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate());
    }
}
