package io.tikun.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tikun.stack.StackHome;

/**
 * A backlog of intake's {@code complaints.received} topic as intake writes it (its contract examples as the shape,
 * binary-mode CloudEvent headers, keyed by customer): new complaints of a realistic mix of severities and channels
 * from customers who complain more than once, customers writing again on their complaints, and a few redeliveries.
 */
final class DrainBacklog {

    static final String TOPIC = "complaints.received";
    private static final String RECEIVED = "tikun.complaint.received";
    private static final String ADDED = "tikun.complaint.message-added";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CHANNELS = { "web", "email", "email", "web", "meta", "x", "webhook" };
    private static final String[] CATEGORIES = { "delivery", "billing", "product_defect", "service", "returns" };

    private final List<ProducerRecord<String, String>> records = new ArrayList<>();
    private final List<String> complaintIds = new ArrayList<>();
    private final Map<String, Integer> severities = new HashMap<>();
    private int messages;
    private int redeliveries;

    /** What the backlog holds: cases it must open, messages it adds, events sent twice. */
    int complaints() {
        return complaintIds.size();
    }

    int messages() {
        return messages;
    }

    int redeliveries() {
        return redeliveries;
    }

    Map<String, Integer> severities() {
        return severities;
    }

    int size() {
        return records.size();
    }

    /**
     * {@code events} events whose complaint ids start with {@code prefix}: about 89% new complaints ({@code severePercent}
     * HIGH or CRITICAL, by default 20: LOW 45%, MEDIUM 35%, HIGH 15%, CRITICAL 5%), 10% further messages on an earlier
     * complaint of the same customer, 1% an earlier
     * event delivered again; about three complaints per customer.
     */
    static DrainBacklog generate(String prefix, int events, long seed, int severePercent) throws IOException {
        Path contracts = StackHome.root().resolve("intake-service/src/main/resources/contracts");
        ObjectNode complaintShape = (ObjectNode) JSON.readTree(
                Files.readString(contracts.resolve("complaints.received.example.json"), StandardCharsets.UTF_8));
        ObjectNode messageShape = (ObjectNode) JSON.readTree(
                Files.readString(contracts.resolve("complaints.message-added.example.json"), StandardCharsets.UTF_8));
        DrainBacklog backlog = new DrainBacklog();
        Random random = new Random(seed);
        int customers = Math.max(1, events / 3);
        Map<String, List<String>> complaintsOf = new HashMap<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < events; i++) {
            String customer = prefix + "-customer-" + random.nextInt(customers);
            int roll = random.nextInt(100);
            List<String> earlier = complaintsOf.getOrDefault(customer, List.of());
            if (roll == 0 && !backlog.records.isEmpty()) {
                backlog.records.add(backlog.records.get(random.nextInt(backlog.records.size())));
                backlog.redeliveries++;
            } else if (roll <= 10 && !earlier.isEmpty()) {
                ObjectNode message = messageShape.deepCopy();
                String complaintId = earlier.get(random.nextInt(earlier.size()));
                message.put("complaintId", complaintId).put("customerId", customer)
                        .put("messageId", prefix + "-message-" + i).put("receivedAt", now.minusSeconds(i % 600).toString());
                backlog.records.add(record(customer, ADDED, message));
                backlog.messages++;
            } else {
                String complaintId = prefix + "-complaint-" + i;
                ObjectNode complaint = complaint(complaintShape, random, complaintId, customer, i, now, severePercent);
                backlog.severities.merge(complaint.get("severity").asText(), 1, Integer::sum);
                backlog.complaintIds.add(complaintId);
                complaintsOf.computeIfAbsent(customer, c -> new ArrayList<>()).add(complaintId);
                backlog.records.add(record(customer, RECEIVED, complaint));
            }
        }
        return backlog;
    }

    private static ObjectNode complaint(ObjectNode shape, Random random, String complaintId, String customer, int i,
            Instant now, int severePercent) {
        ObjectNode complaint = shape.deepCopy();
        int roll = random.nextInt(100);
        // HIGH and CRITICAL take severePercent (three quarters HIGH), the rest is 9 LOW to 7 MEDIUM.
        int ordinary = 100 - severePercent;
        String severity = roll < ordinary * 9 / 16 ? "LOW"
                : roll < ordinary ? "MEDIUM"
                        : roll < ordinary + severePercent * 3 / 4 ? "HIGH" : "CRITICAL";
        Instant received = now.minusSeconds(random.nextInt(3600));
        Duration promised = switch (severity) {
            case "CRITICAL" -> Duration.ofHours(1);
            case "HIGH" -> Duration.ofHours(4);
            case "MEDIUM" -> Duration.ofHours(24);
            default -> Duration.ofHours(72);
        };
        boolean hebrew = random.nextInt(3) > 0;
        complaint.put("complaintId", complaintId).put("reference", "TK-" + (100_000 + i))
                .put("channel", CHANNELS[random.nextInt(CHANNELS.length)]).put("severity", severity)
                .put("receivedAt", received.toString()).put("expectedResponseBy", received.plus(promised).toString())
                .put("language", hebrew ? "he" : "en");
        ((ObjectNode) complaint.get("customer")).put("id", customer).put("name", "Customer " + customer)
                .put("email", customer + "@example.com");
        if (!hebrew) {
            complaint.put("subject", "Order " + i + " is late").put("body",
                    "My order " + i + " was promised for last week and has not arrived. Nobody answers the phone.");
        }
        ArrayNode reasons = complaint.putArray("reasons");
        switch (severity) {
            case "CRITICAL" -> reasons.addObject().put("signal", "LEGAL_THREAT").put("implies", "CRITICAL")
                    .put("evidence", "lawyer");
            case "HIGH" -> reasons.addObject().put("signal", "CHURN_INTENT").put("implies", "HIGH")
                    .put("evidence", "cancel");
            case "MEDIUM" -> reasons.addObject().put("signal", "FINANCIAL_HARM").put("implies", "MEDIUM")
                    .put("evidence", "charged twice");
            default -> {
            }
        }
        ((ObjectNode) complaint.get("classification")).put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
        return complaint;
    }

    private static ProducerRecord<String, String> record(String key, String type, JsonNode body) {
        List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
                header("ce_type", type), header("ce_source", "/tikun/intake-service"),
                header("ce_time", Instant.now().toString()), header("content-type", "application/json"));
        return new ProducerRecord<>(TOPIC, null, key, body.toString(), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Produces the whole backlog (acks=all) and returns once the broker has every record. */
    void produce(String bootstrapServers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }
}
