package io.tikun.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How many records intake has published on {@code complaints.received} and {@code complaints.received.urgent}: the
 * sum of their partitions' end offsets. Reads only: the consumer joins no group and is never polled.
 */
final class PublishedComplaintEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> offsets;
    private final List<TopicPartition> partitions = new ArrayList<>();

    PublishedComplaintEvents(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        offsets = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        for (String topic : PublishedUrgent.TOPICS) {
            offsets.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
    }

    long count() {
        return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        offsets.close();
    }
}
