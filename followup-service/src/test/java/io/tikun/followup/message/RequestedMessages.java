package io.tikun.followup.message;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.stack.testing.KafkaTopicReader;

/** Reads what follow-up asked intake to deliver to customers, from the real {@code customer.messages.requested}. */
public final class RequestedMessages implements AutoCloseable {

    /**
     * How long a request may take to appear. The first event a class produces after Quarkus starts also waits for
     * follow-up's consumers to be given their partitions, which took 14 s on a loaded CI machine (2026-12-07), so 20 s
     * was not enough.
     */
    public static final Duration WAIT = Duration.ofSeconds(45);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One request as it was published. */
    public record Requested(ConsumerRecord<String, String> record, JsonNode body) {

        public String messageId() {
            return body.get("messageId").asText();
        }

        public String subject() {
            return body.get("subject").asText();
        }

        public String text() {
            return body.get("text").asText();
        }

        public String language() {
            return body.get("language").asText();
        }

        /** The url of the i-th link the customer acts on. */
        public String link(int i) {
            return body.get("links").get(i).get("url").asText();
        }

        /** The signed token of the i-th link. */
        public String token(int i) {
            String url = link(i);
            return url.substring(url.indexOf("token=") + "token=".length());
        }
    }

    private final KafkaTopicReader reader;

    public RequestedMessages(String bootstrapServers) {
        this.reader = new KafkaTopicReader(bootstrapServers, CustomerMessageRequested.TOPIC);
    }

    /** The request with this message id. */
    public Requested await(String messageId) {
        ConsumerRecord<String, String> record = reader.await(
                r -> messageId.equals(parse(r).path("messageId").asText()), WAIT);
        return new Requested(record, parse(record));
    }

    /** Every request that matches, after reading for {@code window}: for proving something was requested once. */
    public List<Requested> all(Predicate<JsonNode> condition, Duration window) {
        return reader.all(r -> condition.test(parse(r)), window).stream()
                .map(r -> new Requested(r, parse(r))).toList();
    }

    /** Opens the topic, waits for the request with this message id, closes it. */
    public static Requested awaitOnce(String bootstrapServers, String messageId) {
        try (RequestedMessages messages = new RequestedMessages(bootstrapServers)) {
            return messages.await(messageId);
        }
    }

    static JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable request " + record.value(), e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
