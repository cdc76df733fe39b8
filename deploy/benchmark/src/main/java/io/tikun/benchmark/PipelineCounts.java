package io.tikun.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.tikun.stack.LocalStack;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.PostgresServer;

/**
 * How far each stage of the complaint pipeline has got, counted where each stage writes: records on
 * {@code complaints.received} and {@code complaints.received.urgent} (their partitions' end offsets: what intake has
 * published), cases routing has opened ({@code routing.support_case}) and complaints follow-up has filed
 * ({@code followup.customer_complaint}), and beside them the messages the mail sandbox received (each complaint's
 * acknowledgement to its customer). Reads only: the consumer joins no group and is never polled.
 */
final class PipelineCounts implements AutoCloseable {

    /** One reading of every stage. */
    record Reading(long published, long opened, long filed, long mailed) {
    }

    private final Connection db;
    private final MailSandbox mail;
    private final KafkaConsumer<String, String> offsets;
    private final List<TopicPartition> partitions = new ArrayList<>();

    PipelineCounts(LocalStack stack) throws SQLException {
        mail = stack.mail();
        db = DriverManager.getConnection("jdbc:" + stack.postgres().reactiveUrl(LocalStack.DATABASE), PostgresServer.USER,
                PostgresServer.PASSWORD);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        offsets = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        for (String topic : PublishedUrgent.TOPICS) {
            offsets.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
    }

    Reading read() throws SQLException {
        long published = offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        return new Reading(published, count("routing.support_case"), count("followup.customer_complaint"),
                mail.received());
    }

    private long count(String table) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from " + table);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        offsets.close();
        db.close();
    }
}
