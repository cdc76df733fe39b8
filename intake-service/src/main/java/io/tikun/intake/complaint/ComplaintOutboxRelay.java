package io.tikun.intake.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.events.OutboundSender;
import io.tikun.intake.events.OutboxEvent;

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
    private final Counter abandoned;

    public ComplaintOutboxRelay(ComplaintRepository complaints, OutboundSender publisher, IntakeConfig config,
            Clock clock, MeterRegistry registry) {
        this.complaints = complaints;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.abandoned = Counter.builder("tikun.intake.outbox.abandoned")
                .description("Customer e-mails the outbox relay gave up on after the maximum attempts")
                .register(registry);
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

    /**
     * Sends each claimed entry on its own, so one that keeps failing does not hold back the others. A
     * customer e-mail that failed {@code mail-max-attempts} times (a refused address, a message the
     * mail server will never take) is given up and kept on the complaint as undeliverable; events for
     * the broker are retried for as long as it takes, since routing must hear of every complaint.
     */
    private Uni<Void> publishAll(ComplaintRepository.ClaimedEvents claimed) {
        return Multi.createFrom().iterable(claimed.events())
                .onItem().transformToUniAndConcatenate(event -> publisher.send(event)
                        .chain(() -> complaints.markPublished(claimed.complaintId(), event.id()))
                        .onFailure().recoverWithUni(failure -> failed(claimed, event, failure)))
                .collect().last()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox relay could not publish for complaint %s: %s", claimed.complaintId(),
                            failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> failed(ComplaintRepository.ClaimedEvents claimed, OutboxEvent event, Throwable failure) {
        int attempts = claimed.failedAttempts(event) + 1;
        String error = String.valueOf(failure.getMessage());
        if (OutboxEvent.MAIL_TOPIC.equals(event.topic()) && attempts >= config.outbox().mailMaxAttempts()) {
            Log.errorf("Gave up %s %s for complaint %s after %d attempts: %s", event.type(), event.id(),
                    claimed.complaintId(), attempts, error);
            abandoned.increment();
            return complaints.abandon(claimed.complaintId(), event, attempts, error, clock.instant());
        }
        Log.warnf("Outbox relay attempt %d at %s %s for complaint %s failed: %s", attempts, event.type(), event.id(),
                claimed.complaintId(), error);
        return complaints.recordFailedAttempt(claimed.complaintId(), event.id(), error);
    }
}
