package io.tikun.routing.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;

/**
 * Publishes outbox messages: right after the transaction that wrote them commits, and on a
 * schedule for whatever that first attempt left behind (broker down, instance crashed). Each row
 * is claimed before it is sent, so several routing instances never publish the same row at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int KEYS_IN_FLIGHT = 32;

    private final OutboxRepository outbox;
    private final EventPublisher publisher;
    private final RoutingConfig.Relay config;
    private final Clock clock;

    public OutboxRelay(OutboxRepository outbox, EventPublisher publisher, RoutingConfig config, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config.outbox();
        this.clock = clock;
    }

    /** Publishes these freshly committed messages now; failures are left to the scheduled pass. */
    public Uni<Void> publishNow(List<UUID> ids) {
        if (ids.size() > config.batchSize()) {
            // A whole intake batch's events: claimed and sent batch-size at a time, in the order they were written.
            Uni<Void> all = Uni.createFrom().voidItem();
            for (int from = 0; from < ids.size(); from += config.batchSize()) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + config.batchSize()));
                all = all.chain(() -> publishNow(chunk));
            }
            return all;
        }
        Instant now = clock.instant();
        return outbox.claimAmong(ids, now, now.plus(config.claimFor()), config.batchSize())
                .chain(this::send)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox messages %s not published yet (%s); the relay will retry", ids, failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "${tikun.routing.outbox.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayDue() {
        Instant now = clock.instant();
        return outbox.claimDue(now, now.plus(config.claimFor()), config.batchSize())
                .chain(this::send)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox relay pass failed: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * Sends the claimed messages, each key's one after another in the order claimed (the order written), different keys
     * side by side (at most {@link #KEYS_IN_FLIGHT} at once: a backlog is not bound by one broker round trip per message);
     * those the broker acknowledged are marked. After a failure the key's later messages are not sent in this pass: they
     * wait, claimed, behind the failed one, which is retried once its claim lapses.
     */
    private Uni<Integer> send(List<OutboxMessage> claimed) {
        Map<String, List<OutboxMessage>> byKey = new LinkedHashMap<>();
        claimed.forEach(message -> byKey.computeIfAbsent(message.key, k -> new ArrayList<>()).add(message));
        return Multi.createFrom().iterable(byKey.values())
                .onItem().transformToUni(this::sendInOrder).merge(KEYS_IN_FLIGHT)
                .collect().in(ArrayList<UUID>::new, List::addAll)
                .chain(published -> outbox.markPublished(published, clock.instant()));
    }

    /** One key's messages in order, stopping at the first the broker refuses; the ids of those it acknowledged. */
    private Uni<List<UUID>> sendInOrder(List<OutboxMessage> messages) {
        List<UUID> published = new ArrayList<>();
        Uni<Boolean> going = Uni.createFrom().item(true);
        for (OutboxMessage message : messages) {
            going = going.chain(ok -> !ok ? Uni.createFrom().item(false)
                    : publisher.publish(message).invoke(() -> published.add(message.id)).replaceWith(true)
                            .onFailure().recoverWithItem(failure -> {
                                Log.warnf("Outbox message %s (%s) not published, holding back the later ones of "
                                        + "its key: %s", message.id, message.type, failure.getMessage());
                                return false;
                            }));
        }
        return going.replaceWith(published);
    }
}
