package io.tikun.stack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes test events the way Tikun's services do: JSON values with binary-mode CloudEvent headers. */
public final class CloudEventSender implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, String> producer;

    public CloudEventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String id, String type, String json) {
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", id),
                header("ce_type", type),
                header("ce_source", "/tikun/test"),
                header("ce_time", Instant.now().toString()),
                header("content-type", "application/json"));
        sendRecord(new ProducerRecord<>(topic, null, key, json, headers));
    }

    /** A record without CloudEvent headers, as a misbehaving producer would send it. */
    public void sendRaw(String topic, String key, String value) {
        sendRecord(new ProducerRecord<>(topic, key, value));
    }

    private void sendRecord(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
