package io.tikun.intake.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.events.EventPublisher;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.timeline.TimelineEntry;
import io.tikun.intake.timeline.TimelineRepository;

/**
 * Publishes the {@code customer.messages.status} events each message document holds: right after the status change,
 * and every {@code outbox.relay-every} for those whose first publication failed. Each event's ce_id is fixed by
 * messageId and status, so a second publication (a crash between sending and forgetting) is the same event. Before an
 * event leaves, the message goes on the customer's timeline (once per event id).
 */
@ApplicationScoped
public class StatusEventOutbox {

    private static final String TIMELINE_ID = "customer-message:";

    private final CustomerMessageRepository messages;
    private final EventPublisher publisher;
    private final TimelineRepository timeline;
    private final ObjectMapper mapper;
    private final IntakeConfig.Outbox config;
    private final Clock clock;

    public StatusEventOutbox(CustomerMessageRepository messages, EventPublisher publisher, TimelineRepository timeline,
            ObjectMapper mapper, IntakeConfig config, Clock clock) {
        this.messages = messages;
        this.publisher = publisher;
        this.timeline = timeline;
        this.mapper = mapper;
        this.config = config.outbox();
        this.clock = clock;
    }

    /** The event announcing that {@code message} reached {@code status}, for its document's outbox. */
    OutboxEvent event(CustomerMessageRequest request, String channel, CustomerMessageStatus.Status status,
            String reason, String providerMessageId, int attempts, Instant at) {
        CustomerMessageStatus event = new CustomerMessageStatus(request.messageId(), request.complaintId(),
                request.caseId(), request.customerId(), request.reference(), request.kind(), request.requestedBy(),
                channel, status, reason, providerMessageId, attempts, at);
        try {
            return new OutboxEvent(CustomerMessageStatus.eventId(request.messageId(), status),
                    CustomerMessageStatus.TYPE, CustomerMessageStatus.TOPIC, request.customerId(),
                    mapper.writeValueAsString(event), at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + CustomerMessageStatus.TYPE, e);
        }
    }

    /** Publishes what this message holds now; a failure leaves it to the relay. */
    public Uni<Void> publishNow(String messageId) {
        return messages.unpublished(messageId)
                .chain(pending -> pending == null ? Uni.createFrom().voidItem() : publish(pending))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Status of customer message %s not published yet (%s); the relay will retry", messageId,
                            failure.getMessage());
                    return null;
                });
    }

    @Scheduled(every = "${tikun.intake.outbox.relay-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayStale() {
        return relay().replaceWithVoid();
    }

    /** Publishes the stale status events of up to one batch of messages; returns how many messages it handled. */
    public Uni<Integer> relay() {
        return Multi.createBy().repeating().uni(this::claimNext).until(Optional::isEmpty)
                .map(Optional::get)
                .select().first(config.batchSize())
                .onItem().transformToUniAndConcatenate(pending -> publish(pending).onFailure().recoverWithItem(f -> {
                    Log.warnf("Status of customer message %s not published: %s", pending.message().messageId(),
                            f.getMessage());
                    return null;
                }))
                .collect().with(Collectors.counting()).map(Long::intValue);
    }

    private Uni<Optional<CustomerMessageRepository.PendingStatusEvents>> claimNext() {
        Instant now = clock.instant();
        return messages.claimUnpublished(now, now.minus(config.staleAfter()), now.plus(config.claimFor()))
                .map(Optional::ofNullable);
    }

    /** In order (SENT before DELIVERED); the first failure stops this message until the next pass. */
    private Uni<Void> publish(CustomerMessageRepository.PendingStatusEvents pending) {
        List<OutboxEvent> events = pending.events();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutboxEvent event : events) {
            chain = chain.chain(() -> onTimeline(pending.message(), event))
                    .chain(() -> publisher.publish(event))
                    .chain(() -> messages.markPublished(pending.message().messageId(), event.id()));
        }
        return chain;
    }

    private Uni<Boolean> onTimeline(CustomerMessage message, OutboxEvent event) {
        CustomerMessageStatus status;
        try {
            status = mapper.readValue(event.payload(), CustomerMessageStatus.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        CustomerMessageRequest r = message.request();
        TimelineEntry entry = new TimelineEntry(TimelineEntry.Kind.OUTBOUND, status.at(), status.channel(),
                r.complaintId(), r.reference(), r.subject(), r.text(), null, r.kind().name(), status.status().name(),
                r.author() == null ? null : r.author().name(), null);
        return timeline.record(TIMELINE_ID + event.id(), r.customerId(), entry);
    }
}
