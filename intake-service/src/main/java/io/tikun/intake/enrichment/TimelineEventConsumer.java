package io.tikun.intake.enrichment;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.timeline.TimelineEntry;
import io.tikun.intake.timeline.TimelineRepository;

/**
 * Stores one consumed event as a customer timeline entry, once per CloudEvent id. A message that
 * cannot be understood is nacked at once (the channel's dead-letter topic keeps it with the reason);
 * a failure to store a good one is the database's, so it is retried with back-off first.
 */
@ApplicationScoped
public class TimelineEventConsumer {

    private final TimelineRepository timeline;
    private final ObjectMapper mapper;
    private final IntakeConfig.ConsumerRetry retry;

    public TimelineEventConsumer(TimelineRepository timeline, ObjectMapper mapper, IntakeConfig config) {
        this.timeline = timeline;
        this.mapper = mapper;
        this.retry = config.consumerRetry();
    }

    /** The event's customer and the entry it becomes. */
    record Parsed(String customerId, TimelineEntry entry) {
    }

    <T> Uni<Void> consume(Message<String> message, String topic, Class<T> type, Function<T, Parsed> toEntry) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return reject(message, topic, new IllegalArgumentException("message has no CloudEvent id (ce_id)"));
        }
        Parsed parsed;
        try {
            parsed = toEntry.apply(mapper.readValue(message.getPayload(), type));
        } catch (Exception e) {
            return reject(message, topic, new IllegalArgumentException("unreadable " + topic + " event: " + e.getMessage()));
        }
        return timeline.record(eventId.get(), parsed.customerId(), parsed.entry())
                .onFailure().retry().withBackOff(retry.firstBackoff(), retry.maxBackoff()).atMost(retry.attempts())
                .invoke(stored -> {
                    if (!stored) {
                        Log.debugf("%s event %s was already on the timeline", topic, eventId.get());
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, topic, failure));
    }

    private static Uni<Void> reject(Message<String> message, String topic, Throwable reason) {
        Log.errorf("Dead-lettering a %s message: %s", topic, reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
