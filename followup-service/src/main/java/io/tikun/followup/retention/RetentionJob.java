package io.tikun.followup.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.retention.RetentionRepository.Table;

/**
 * Keeps the tables that only grow (processed events, published outbox rows, sent e-mails, customer messages) to their
 * configured age:
 * on every instance, in batches, so the purge of a large backlog neither locks a table for long nor needs
 * coordination.
 */
@ApplicationScoped
public class RetentionJob {

    private final RetentionRepository repository;
    private final FollowupConfig.Retention config;
    private final Clock clock;

    public RetentionJob(RetentionRepository repository, FollowupConfig config, Clock clock) {
        this.repository = repository;
        this.config = config.retention();
        this.clock = clock;
    }

    @Scheduled(every = "${tikun.followup.retention.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runOnce()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Retention pass failed, the next tick retries: %s", failure.getMessage());
                    return Map.of();
                })
                .replaceWithVoid();
    }

    /** Purges every table now; returns how many rows went from each. */
    public Uni<Map<Table, Integer>> runOnce() {
        Instant now = clock.instant();
        Map<Table, Integer> purged = new EnumMap<>(Table.class);
        return Multi.createFrom().items(Table.values())
                .onItem().transformToUniAndConcatenate(table -> purge(table, now.minus(ageOf(table)), 0)
                        .invoke(count -> {
                            purged.put(table, count);
                            if (count > 0) {
                                Log.infof("Retention: deleted %d rows of %s", count, table);
                            }
                        }))
                .collect().last()
                .replaceWith(() -> Map.copyOf(purged));
    }

    private Duration ageOf(Table table) {
        return switch (table) {
            case PROCESSED_EVENT -> config.processedEvent();
            case OUTBOX_MESSAGE -> config.outboxMessage();
            case MAIL_DELIVERY -> config.mailDelivery();
            case CUSTOMER_MESSAGE -> config.customerMessage();
        };
    }

    /** Batch after batch until one comes back short: the backlog is gone. */
    private Uni<Integer> purge(Table table, Instant cutoff, int sofar) {
        return repository.deleteBatch(table, cutoff, config.batchSize())
                .chain(deleted -> deleted < config.batchSize() ? Uni.createFrom().item(sofar + deleted)
                        : purge(table, cutoff, sofar + deleted));
    }
}
