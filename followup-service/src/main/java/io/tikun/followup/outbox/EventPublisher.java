package io.tikun.followup.outbox;

import java.net.URI;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends outbox messages as binary-mode CloudEvents; completes once the broker acknowledged. */
@ApplicationScoped
public class EventPublisher {

    static final URI SOURCE = URI.create("/tikun/followup-service");
    private static final String JSON = "application/json";

    private final MutinyEmitter<String> emitter;

    public EventPublisher(@Channel("events") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(OutboxMessage message) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(message.id.toString())
                .withType(message.type)
                .withSource(SOURCE)
                .withTimestamp(message.createdAt.atZone(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(message.topic)
                .withKey(message.key)
                .build();
        return emitter.sendMessage(Message.of(message.payload).addMetadata(cloudEvent).addMetadata(kafka));
    }
}
