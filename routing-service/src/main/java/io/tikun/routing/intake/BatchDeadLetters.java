package io.tikun.routing.intake;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Dead-letters one record of a batch to {@code complaints.received.dlq}, the way the connector's dead-letter queue does
 * for a single message (same key, value and headers, plus {@code dead-letter-reason}, {@code -cause}, {@code -topic},
 * {@code -partition}, {@code -offset}), without failing the rest of the batch.
 */
@ApplicationScoped
public class BatchDeadLetters {

    private final MutinyEmitter<String> dlq;

    public BatchDeadLetters(@Channel("complaints-received-dlq") MutinyEmitter<String> dlq) {
        this.dlq = dlq;
    }

    /** Sends the record with the reason; completes once the broker has it. */
    public Uni<Void> send(KafkaRecord<String, String> record, Throwable reason) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        Log.errorf("Dead-lettering a complaints.received record (partition %d, offset %d): %s", record.getPartition(),
                offset, reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        record.getHeaders().forEach(headers::add);
        add(headers, "dead-letter-reason", reason.getMessage());
        if (reason.getCause() != null) {
            add(headers, "dead-letter-cause", reason.getCause().getMessage());
        }
        add(headers, "dead-letter-topic", record.getTopic());
        add(headers, "dead-letter-partition", Integer.toString(record.getPartition()));
        add(headers, "dead-letter-offset", Long.toString(offset));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(record.getKey()).withHeaders(headers).build();
        return dlq.sendMessage(Message.of(record.getPayload()).addMetadata(metadata));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
