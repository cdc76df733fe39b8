package io.tikun.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * When intake published each CRITICAL complaint to Kafka, by reference: the record's timestamp (the producer's create
 * time) on {@code complaints.received.urgent} or, with the lane off, {@code complaints.received}. Read by a consumer of
 * its own that is assigned every partition from the end, so it joins no group and takes nothing from routing.
 */
final class PublishedUrgent implements AutoCloseable {

    static final List<String> TOPICS = List.of("complaints.received.urgent", "complaints.received");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Instant> published = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean open = true;

    PublishedUrgent(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "urgent-publication-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (open) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    remember(record);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } finally {
            consumer.close();
        }
    }

    private void remember(ConsumerRecord<String, String> record) {
        String value = record.value();
        // Only the benchmark's CRITICAL complaints are wanted; the storm's thousands of ordinary ones are skipped unread.
        if (value == null || !value.contains("\"CRITICAL\"")) {
            return;
        }
        try {
            JsonNode complaint = JSON.readTree(value);
            if (complaint.hasNonNull("reference")) {
                published.putIfAbsent(complaint.get("reference").asText(), Instant.ofEpochMilli(record.timestamp()));
            }
        } catch (Exception unreadable) {
            // a record of another shape (a further message) carries no reference of interest
        }
    }

    Optional<Instant> at(String reference) {
        return Optional.ofNullable(published.get(reference));
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        reader.join(Duration.ofSeconds(5).toMillis());
    }
}
