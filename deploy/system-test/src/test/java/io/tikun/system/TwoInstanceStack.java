package io.tikun.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTopicReader;

/**
 * One two-instance test's view of the {@link DoubledStack}: the two instances of its service, a sender for the events
 * that feed it, a reader of the topic it publishes to and users' tokens. The reader starts at the topic's beginning, so
 * it also sees what the other two-instance tests caused: each test picks out its own records by their ids.
 */
final class TwoInstanceStack implements AutoCloseable {

    final LocalStack stack;
    final ServiceProcess first;
    final ServiceProcess second;
    final CloudEventSender events;
    final KafkaTopicReader published;
    /** A manager's token; the realm's tokens live 30 minutes, longer than any of these tests. */
    final String manager;
    /** An agent's token, likewise. */
    final String agent;

    private TwoInstanceStack(LocalStack stack, ServiceProcess first, ServiceProcess second, String publishedTopic) {
        this.stack = stack;
        this.first = first;
        this.second = second;
        this.events = new CloudEventSender(stack.kafka().bootstrapServers());
        this.published = new KafkaTopicReader(stack.kafka().bootstrapServers(), publishedTopic);
        KeycloakTokens tokens = new KeycloakTokens(stack.keycloak());
        this.manager = tokens.user("manager");
        this.agent = tokens.user("agent");
    }

    /**
     * The two instances of {@code module} in the doubled stack, with a reader of {@code publishedTopic}; only in a
     * class extended with {@code @ExtendWith(DoubledStack.class)}.
     */
    static TwoInstanceStack of(String module, String publishedTopic) {
        return new TwoInstanceStack(DoubledStack.stack(), DoubledStack.first(module), DoubledStack.second(module),
                publishedTopic);
    }

    /** How many lines of {@code instance}'s log contain {@code text}: who did the work. */
    static long logLines(ServiceProcess instance, String text) {
        try (Stream<String> lines = Files.lines(instance.log())) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CloudEvent ids among {@code records}. The outbox publishes at least once: an instance killed
     * between sending a record and marking it sent leaves it to the other, which sends it again under the
     * same id, and consumers drop the repeat (they are idempotent on ce_id). "Exactly once" is therefore
     * one id per change, however many deliveries it took.
     */
    static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTopicReader.header(r, "ce_id")).collect(Collectors.toSet());
    }

    /** "min …, median …, max … (all […])" in milliseconds. */
    static String summary(List<Duration> delays) {
        List<Long> millis = delays.stream().map(Duration::toMillis).sorted().toList();
        return "min %d, median %d, max %d (all %s)".formatted(millis.get(0), millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), millis);
    }

    /** Closes the reader and the sender; the stack goes on for the other two-instance tests. */
    @Override
    public void close() {
        published.close();
        events.close();
    }
}
