package io.tikun.intake.events;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends outbox events to Kafka as binary-mode CloudEvents; the returned {@code Uni} completes
 * only once the broker has acknowledged the record. Urgent-lane events leave through a producer of their own
 * (channel {@code urgent-events}), so they never queue behind a storm of ordinary records in one producer's buffer.
 */
@ApplicationScoped
public class EventPublisher {

    static final URI SOURCE = URI.create("/tikun/intake-service");
    private static final String JSON = "application/json";

    private final MutinyEmitter<String> emitter;
    private final MutinyEmitter<String> urgentEmitter;
    /** When the broker last acknowledged an event; null before the first. */
    private volatile Instant lastAcknowledged;

    private final Clock clock;

    public EventPublisher(@Channel("events") MutinyEmitter<String> emitter,
            @Channel("urgent-events") MutinyEmitter<String> urgentEmitter, Clock clock) {
        this.emitter = emitter;
        this.urgentEmitter = urgentEmitter;
        this.clock = clock;
    }

    public Uni<Void> publish(OutboxEvent event) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(event.id())
                .withType(event.type())
                .withSource(SOURCE)
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .build();
        MutinyEmitter<String> lane = UrgentLane.isOnUrgentLane(event) ? urgentEmitter : emitter;
        return lane.sendMessage(Message.of(event.payload()).addMetadata(cloudEvent).addMetadata(kafka))
                .invoke(() -> lastAcknowledged = clock.instant());
    }

    /**
     * When the broker last acknowledged an event, or null: with a backlog, an old value means the broker is away
     * (a send to an absent broker does not fail at once, it waits, so "last failure" would say nothing).
     */
    public Instant lastAcknowledged() {
        return lastAcknowledged;
    }
}
