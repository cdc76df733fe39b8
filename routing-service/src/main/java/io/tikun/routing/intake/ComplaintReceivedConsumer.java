package io.tikun.routing.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tikun.routing.cases.CaseService;
import io.tikun.routing.cases.IntakeBatchService;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.routing.notification.BackgroundDelivery;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Opens a case for every complaint intake announces. Idempotent on the CloudEvent id; a message
 * that cannot be understood goes to {@code complaints.received.dlq} with the reason, never lost. The ordinary lane is
 * read in batches (each poll's records applied in one transaction, {@link IntakeBatchService}) so a backlog drains
 * quickly; HIGH and CRITICAL complaints arrive on the urgent lane ({@code complaints.received.urgent}, same contract)
 * through a consumer of its own, one message at a time, so they never wait behind a backlog of ordinary ones. The
 * idempotency on the CloudEvent id holds across both (an event delivered on both opens one case).
 */
@ApplicationScoped
public class ComplaintReceivedConsumer {

    // A failure to apply a well-formed event is the database's, not the message's: retry for
    // about three minutes (200 ms doubling up to 30 s) before the message goes to the dead-letter topic.
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;
    /** The ordinary lane's one-by-one messages are not timed hop by hop (its batches are: {@code intakeBatch}). */
    private static final LongConsumer UNTIMED = committedAt -> {
    };

    private final CaseService cases;
    private final IntakeBatchService batches;
    private final OutboxRelay relay;
    private final EventJson json;
    private final RoutingMetrics metrics;
    private final BatchDeadLetters deadLetters;
    private final BackgroundDelivery background;
    private final boolean batched;

    public ComplaintReceivedConsumer(CaseService cases, IntakeBatchService batches, OutboxRelay relay,
            EventJson json, RoutingMetrics metrics, BatchDeadLetters deadLetters,
            BackgroundDelivery background, IntakeConfig config) {
        this.background = background;
        this.deadLetters = deadLetters;
        this.cases = cases;
        this.batches = batches;
        this.relay = relay;
        this.json = json;
        this.metrics = metrics;
        this.batched = config.batch();
    }

    @Incoming("complaints-received-urgent")
    public Uni<Void> onUrgentComplaintReceived(Message<String> message) {
        return onComplaintReceived(message);
    }

    /**
     * One poll of the ordinary lane: unreadable records are dead-lettered alone with their reason, the rest applied in
     * one transaction, retried as a whole on a database failure; once the retries are spent each record is tried
     * alone, and only those that still fail are dead-lettered.
     */
    @Incoming("complaints-received")
    public Uni<Void> onComplaintsReceived(KafkaRecordBatch<String, String> batch) {
        if (!batched) {
            Uni<Void> oneByOne = Uni.createFrom().voidItem();
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                // The records of a batch are acknowledged together (below); one that fails is dead-lettered alone.
                oneByOne = oneByOne.chain(() -> applyAlone(record, false, UNTIMED)
                        .onFailure().recoverWithUni(failure -> deadLetters.send(record, failure)));
            }
            return oneByOne.chain(() -> Uni.createFrom().completionStage(batch.ack()));
        }
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<IntakeEvent> events = new ArrayList<>();
        Uni<Void> rejected = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(IntakeEvent.read(record, json));
                readable.add(record);
            } catch (IllegalArgumentException unreadable) {
                rejected = rejected.chain(() -> deadLetters.send(record, unreadable));
            }
        }
        long started = System.nanoTime();
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem()
                : batches.apply(events)
                        .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                        .invoke(done -> metrics.intakeBatch(events.size(), Duration.ofNanos(System.nanoTime() - started)))
                        .chain(this::afterCommit)
                        .onFailure().recoverWithUni(failure -> {
                            Log.errorf("A batch of %d complaints.received events failed (%s); applying them one by one",
                                    events.size(), failure.getMessage());
                            return oneByOne(readable, events);
                        });
        return rejected.chain(() -> applied).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** After a batch's retries are spent: each event once in a transaction of its own; one that fails is dead-lettered. */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, List<IntakeEvent> events) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            KafkaRecord<String, String> record = records.get(i);
            IntakeEvent event = events.get(i);
            all = all.chain(() -> batches.apply(List.of(event)).chain(this::afterCommit)
                    .onFailure().recoverWithUni(failure -> deadLetters.send(record, failure)));
        }
        return all;
    }

    private Uni<Void> afterCommit(IntakeBatchService.Applied applied) {
        applied.onCommitted().forEach(Runnable::run);
        // The alerts of a backlog (HIGH ones, when the urgent lane is off) go out in the background: mail is slower than
        // opening cases, and the next batch need not wait for it.
        background.deliverSoon(applied.notificationIds());
        return relay.publishNow(applied.outboxIds());
    }

    /**
     * One message of the urgent lane, in a transaction of its own; acknowledged once applied, else dead-lettered. Its
     * hops are timed ({@link RoutingMetrics#urgentHop}): waiting to be handled, opening its case, publishing its events.
     */
    private Uni<Void> onComplaintReceived(Message<String> message) {
        long handled = System.currentTimeMillis();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(record -> {
            long sent = record.getTimestamp().toEpochMilli();
            metrics.urgentHop(RoutingMetrics.UrgentHop.QUEUED, Duration.ofMillis(handled - sent));
            PolledAtStamp.polledAt(record.getHeaders()).ifPresent(polled -> {
                metrics.urgentHop(RoutingMetrics.UrgentHop.FETCHED, Duration.ofMillis(polled - sent));
                metrics.urgentHop(RoutingMetrics.UrgentHop.DISPATCHED, Duration.ofMillis(handled - polled));
            });
        });
        long[] committed = { handled };
        return applyAlone(message, true, at -> {
            committed[0] = at;
            metrics.urgentHop(RoutingMetrics.UrgentHop.OPENED, Duration.ofMillis(at - handled));
        })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .invoke(() -> metrics.urgentHop(RoutingMetrics.UrgentHop.DONE,
                        Duration.ofMillis(System.currentTimeMillis() - committed[0])))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    /**
     * Applies one message in a transaction of its own, retried on a database failure; fails when it is unreadable or
     * out of retries (the caller dead-letters it). Its alerts are delivered in the background, on the urgent lane's
     * pass when it came on the urgent lane.
     */
    private Uni<Void> applyAlone(Message<String> message, boolean urgent, LongConsumer committedAt) {
        IntakeEvent event;
        try {
            event = IntakeEvent.read(message, json);
        } catch (IllegalArgumentException unreadable) {
            return Uni.createFrom().failure(unreadable);
        }
        if (event instanceof IntakeEvent.Added added) {
            return onMessageAdded(added);
        }
        IntakeEvent.Received received = (IntakeEvent.Received) event;
        return cases.open(received.eventId(), received.complaint())
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .invoke(opening -> {
                    committedAt.accept(System.currentTimeMillis());
                    opening.onCommitted().run();
                    // The manager's alerts go at once on a pass of their own (the stream's were announced by the
                    // commit itself); this message is done once its case's events are published, so the next one
                    // never waits for a mail server.
                    if (urgent) {
                        background.deliverUrgentSoon(opening.notificationIds());
                    } else {
                        background.deliverSoon(opening.notificationIds());
                    }
                })
                .call(opening -> relay.publishNow(opening.outboxIds()))
                .replaceWithVoid();
    }

    /** A customer's further message on a complaint joins its case and starts the unanswered-reply timer. */
    private Uni<Void> onMessageAdded(IntakeEvent.Added added) {
        return cases.customerWrote(added.eventId(), added.message())
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .invoke(joined -> {
                    if (!joined) {
                        Log.debugf("Message %s of complaint %s changed nothing (duplicate or no case)",
                                added.message().messageId(), added.message().complaintId());
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a complaints.received message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
