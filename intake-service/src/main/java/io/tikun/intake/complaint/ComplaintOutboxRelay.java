package io.tikun.intake.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.events.OutboundSender;

/**
 * Publishes events whose inline send did not succeed (broker down, instance crashed between
 * the write and the acknowledgement). Consumers are idempotent on the event id, so a rare
 * second delivery is harmless; a lost one is not.
 */
@ApplicationScoped
public class ComplaintOutboxRelay {

    private final ComplaintRepository complaints;
    private final OutboundSender publisher;
    private final IntakeConfig config;
    private final Clock clock;

    public ComplaintOutboxRelay(ComplaintRepository complaints, OutboundSender publisher, IntakeConfig config,
            Clock clock) {
        this.complaints = complaints;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${tikun.intake.outbox.relay-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayStaleEvents() {
        return relay().invoke(count -> {
            if (count > 0) {
                Log.infof("Outbox relay published the pending events of %d complaint(s)", count);
            }
        }).replaceWithVoid();
    }

    /** Publishes what is stale now, up to one batch; returns how many complaints it handled. */
    public Uni<Integer> relay() {
        return Multi.createBy().repeating()
                .uni(this::claimNext).until(Optional::isEmpty)
                .map(Optional::get)
                .select().first(config.outbox().batchSize())
                .onItem().transformToUniAndConcatenate(this::publishAll)
                .collect().with(Collectors.counting())
                .map(Long::intValue);
    }

    private Uni<Optional<ComplaintRepository.ClaimedEvents>> claimNext() {
        Instant now = clock.instant();
        return complaints.claimStale(now, now.minus(config.outbox().staleAfter()), now.plus(config.outbox().claimFor()))
                .map(Optional::ofNullable);
    }

    private Uni<Void> publishAll(ComplaintRepository.ClaimedEvents claimed) {
        return Multi.createFrom().iterable(claimed.events())
                .onItem().transformToUniAndConcatenate(event -> publisher.send(event)
                        .chain(() -> complaints.markPublished(claimed.complaintId(), event.id())))
                .collect().last()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox relay could not publish for complaint %s: %s", claimed.complaintId(),
                            failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }
}
