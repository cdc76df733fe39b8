package io.tikun.routing.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;

/**
 * Deletes what routing no longer needs, on a schedule: applied event ids, published outbox rows and delivered
 * notifications older than their configured ages ({@link RetentionConfig}), a batch at a time until none is left.
 * Safe on several instances at once (see {@link RetentionRepository}).
 */
@ApplicationScoped
public class RetentionJob {

    /** What one pass deleted, per table. */
    public record Purged(int processedEvents, int outbox, int notifications) {
    }

    private final RetentionRepository rows;
    private final RetentionConfig config;
    private final int replayable;
    private final Clock clock;

    public RetentionJob(RetentionRepository rows, RetentionConfig config, RoutingConfig routing, Clock clock) {
        this.rows = rows;
        this.config = config;
        this.replayable = routing.notifications().streamReplayLimit();
        this.clock = clock;
    }

    @Scheduled(every = "${tikun.routing.retention.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(p -> {
            if (p.processedEvents() + p.outbox() + p.notifications() > 0) {
                Log.infof("Retention deleted %d processed events, %d outbox rows, %d notifications",
                        p.processedEvents(), p.outbox(), p.notifications());
            }
        }).onFailure().recoverWithItem(failure -> {
            Log.warnf("Retention pass failed: %s", failure.getMessage());
            return null;
        }).replaceWithVoid();
    }

    /** One pass over every table, each deleted in batches up to the end. */
    public Uni<Purged> purge() {
        Instant now = clock.instant();
        int batch = config.batchSize();
        return drain(b -> rows.deleteProcessedEvents(cutoff(now, config.processedEvents()), b), batch)
                .chain(events -> drain(b -> rows.deletePublishedOutbox(cutoff(now, config.outbox()), b), batch)
                        .chain(outbox -> drain(b -> rows.deleteDeliveredNotifications(
                                cutoff(now, config.notifications()), b, replayable), batch)
                                .map(notifications -> new Purged(events, outbox, notifications))));
    }

    private static Instant cutoff(Instant now, Duration age) {
        return now.minus(age);
    }

    /** Repeats a batch delete until a batch comes back short; the total deleted. */
    private static Uni<Integer> drain(Function<Integer, Uni<Integer>> deleteBatch, int batch) {
        return deleteBatch.apply(batch).chain(deleted -> deleted < batch ? Uni.createFrom().item(deleted)
                : drain(deleteBatch, batch).map(more -> deleted + more));
    }
}
