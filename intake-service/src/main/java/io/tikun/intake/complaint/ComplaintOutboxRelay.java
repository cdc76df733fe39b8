package io.tikun.intake.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * second delivery is harmless; a lost one is not. Each pass claims complaints with urgent-lane entries first.
 */
@ApplicationScoped
public class ComplaintOutboxRelay {

    private final ComplaintRepository complaints;
    private final OutboundSender publisher;
    private final IntakeConfig config;
    private final Clock clock;
    private final Counter abandoned;
    /** This relay's name in key claims: another instance (or relay object) never releases what this one holds. */
    private final String owner = UUID.randomUUID().toString();

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
        return drain(0).invoke(count -> {
            if (count > 0) {
                Log.infof("Outbox relay published the pending events of %d complaint(s)", count);
            }
        }).replaceWithVoid();
    }

    /**
     * Passes one after another while each claims a full batch: a backlog (after a broker outage) drains at the pace
     * of publishing, not one batch per {@code relay-every}. A claim holds its complaint for {@code claim-for}, so
     * passes over complaints that cannot be published yet run out of claimable ones and stop.
     */
    private Uni<Integer> drain(int handled) {
        return relay().chain(count -> count < config.outbox().batchSize() ? Uni.createFrom().item(handled + count)
                : drain(handled + count));
    }

    /**
     * Publishes what is stale now, up to one batch, {@code relay-concurrency} complaints at once; returns how many
     * complaints it handled.
     */
    public Uni<Integer> relay() {
        return Multi.createBy().repeating()
                .uni(this::claimNext).until(Optional::isEmpty)
                .map(Optional::get)
                .select().first(config.outbox().batchSize())
                // publishAll's Uni<Void> emits null, which a Multi drops: count the claimed complaints instead.
                .onItem().transformToUni(claimed -> publishAll(claimed).replaceWith(claimed))
                .merge(config.outbox().relayConcurrency())
                .collect().with(Collectors.counting())
                .map(Long::intValue);
    }

    /** Urgent-lane entries first: an urgent complaint is claimed ahead of any backlog of ordinary ones. */
    private Uni<Optional<ComplaintRepository.ClaimedEvents>> claimNext() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(config.outbox().staleAfter());
        Instant claimUntil = now.plus(config.outbox().claimFor());
        return complaints.claimStaleUrgent(now, staleBefore, claimUntil)
                .onItem().ifNull().switchTo(() -> complaints.claimStale(now, staleBefore, claimUntil))
                .map(Optional::ofNullable);
    }

    /**
     * Sends what one claimed complaint holds, broker events before e-mails. Customer e-mails go one by one, so one
     * that keeps failing does not hold back the others; one that failed {@code mail-max-attempts} times (a refused
     * address, a message the mail server will never take) is given up and kept on the complaint as undeliverable. Broker events
     * go per key (customer),
     * see {@link #publishKey}: routing must hear of every complaint, in order, so they are retried for as long as it
     * takes.
     */
    private Uni<Void> publishAll(ComplaintRepository.ClaimedEvents claimed) {
        List<OutboxEvent> mails = claimed.events().stream().filter(e -> OutboxEvent.MAIL_TOPIC.equals(e.topic())).toList();
        List<String> keys = claimed.events().stream().filter(e -> !OutboxEvent.MAIL_TOPIC.equals(e.topic()))
                .map(OutboxEvent::key).distinct().toList();
        // Events first: routing hears of the complaint without waiting for a slow mail server.
        return Multi.createFrom().iterable(keys).onItem().transformToUniAndConcatenate(this::publishKey)
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(mails)
                        .onItem().transformToUniAndConcatenate(mail -> publisher.send(mail)
                                .chain(() -> complaints.markPublished(claimed.complaintId(), mail.id()))
                                .onFailure().recoverWithUni(failure -> failed(claimed, mail, failure)))
                        .collect().last())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox relay could not publish for complaint %s: %s", claimed.complaintId(),
                            failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * Publishes every pending event of one key (across all of that customer's complaints) oldest first, holding the
     * key against other instances meanwhile. The first that fails stops the key: a later event must not reach
     * consumers before an earlier one (a "resolved" before its "received"). Other keys go on.
     */
    private Uni<Void> publishKey(String key) {
        Instant now = clock.instant();
        return complaints.claimKey(key, owner, now, now.plus(config.outbox().claimFor())).chain(held -> !held
                ? Uni.createFrom().voidItem()
                : complaints.pendingBrokerEvents(key).chain(events -> inOrder(events, 0))
                        .onFailure().recoverWithItem(failure -> {
                            Log.warnf("Outbox relay stopped at key %s until the next pass: %s", key, failure.getMessage());
                            return null;
                        })
                        .eventually(() -> complaints.releaseKey(key, owner)));
    }

    private Uni<Void> inOrder(List<ComplaintRepository.KeyedEvent> events, int next) {
        if (next == events.size()) {
            return Uni.createFrom().voidItem();
        }
        ComplaintRepository.KeyedEvent pending = events.get(next);
        return publisher.send(pending.event())
                .onFailure().call(failure -> {
                    Log.warnf("Outbox relay attempt %d at %s %s for complaint %s failed: %s",
                            pending.failedAttempts() + 1, pending.event().type(), pending.event().id(),
                            pending.complaintId(), failure.getMessage());
                    return complaints.recordFailedAttempt(pending.complaintId(), pending.event().id(),
                            String.valueOf(failure.getMessage()));
                })
                .chain(() -> complaints.markPublished(pending.complaintId(), pending.event().id()))
                .chain(() -> inOrder(events, next + 1));
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
