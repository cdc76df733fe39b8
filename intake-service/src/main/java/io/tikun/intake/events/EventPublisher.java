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
 * only once the broker has acknowledged the record.
 */
@ApplicationScoped
public class EventPublisher {

    static final URI SOURCE = URI.create("/tikun/intake-service");
    private static final String JSON = "application/json";

    private final MutinyEmitter<String> emitter;
    /** When the broker last acknowledged an event; null before the first. */
    private volatile Instant lastAcknowledged;

    private final Clock clock;

    public EventPublisher(@Channel("events") MutinyEmitter<String> emitter, Clock clock) {
        this.emitter = emitter;
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
        return emitter.sendMessage(Message.of(event.payload()).addMetadata(cloudEvent).addMetadata(kafka))
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
