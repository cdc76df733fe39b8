package io.tikun.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The floor under intake's numbers: what the same MongoDB-protocol server and Kafka broker take
 * when a plain client writes one complaint-sized document and sends one event per operation,
 * with nothing else (no HTTP, no parsing, no validation, no severity, no acknowledgement).
 */
final class RawWriteLoad {

    private static final String COLLECTION = "raw_write_baseline";
    private static final String TOPIC = "raw.write.baseline";

    private final String mongoConnection;
    private final String database;
    private final String bootstrapServers;
    private final int concurrency;

    RawWriteLoad(String mongoConnection, String database, String bootstrapServers, int concurrency) {
        this.mongoConnection = mongoConnection;
        this.database = database;
        this.bootstrapServers = bootstrapServers;
        this.concurrency = concurrency;
    }

    static String topic() {
        return TOPIC;
    }

    LoadResult run(Duration warmUp, Duration measured, String sampleText) throws InterruptedException {
        try (MongoClient mongo = MongoClients.create(mongoConnection);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            MongoCollection<Document> documents = mongo.getDatabase(database).getCollection(COLLECTION);
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long measureUntil = measureFrom + measured.toNanos();
            AtomicLong failed = new AtomicLong();
            List<LatencySamples> perThread = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                LatencySamples samples = new LatencySamples();
                perThread.add(samples);
                Thread thread = new Thread(
                        () -> writeUntil(documents, producer, sampleText, samples, failed, measureFrom, measureUntil),
                        "raw-write-" + i);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            // The in-memory server keeps every document in the benchmark's own heap: free it for the phases after.
            documents.drop();
            LatencySamples all = LatencySamples.merge(perThread);
            return LoadResult.of("raw MongoDB insert + Kafka send", concurrency, measured, all, failed.get(),
                    Map.of("ok", (long) all.size()));
        }
    }

    private static void writeUntil(MongoCollection<Document> documents, KafkaProducer<String, String> producer,
            String text, LatencySamples samples, AtomicLong failed, long measureFrom, long measureUntil) {
        while (true) {
            long sent = System.nanoTime();
            if (sent >= measureUntil) {
                return;
            }
            String id = UUID.randomUUID().toString();
            try {
                documents.insertOne(new Document("_id", id).append("customer", "raw-" + id.substring(0, 8))
                        .append("subject", "Baseline").append("text", text).append("receivedAt", Instant.now().toString()));
                producer.send(new ProducerRecord<>(TOPIC, id, "{\"id\":\"" + id + "\"}")).get();
                long answered = System.nanoTime();
                if (sent >= measureFrom && answered <= measureUntil) {
                    samples.add(answered - sent);
                }
            } catch (ExecutionException | RuntimeException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // The services' producers wait for all in-sync replicas too.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }
}
