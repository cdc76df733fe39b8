package io.tikun.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.StackOptions;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTopicReader;

/**
 * A whole stack in which one service runs twice (two JVMs, one database, one broker, one consumer
 * group), with a sender for the events that feed it and a reader of the topic it publishes to.
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

    private TwoInstanceStack(LocalStack stack, ServiceProcess second, String publishedTopic) {
        this.stack = stack;
        this.first = switch (second.name()) {
            case LocalStack.INTAKE -> stack.intake();
            case LocalStack.ROUTING -> stack.routing();
            default -> stack.followup();
        };
        this.second = second;
        this.events = new CloudEventSender(stack.kafka().bootstrapServers());
        this.published = new KafkaTopicReader(stack.kafka().bootstrapServers(), publishedTopic);
        KeycloakTokens tokens = new KeycloakTokens(stack.keycloak());
        this.manager = tokens.user("manager");
        this.agent = tokens.user("agent");
    }

    /** Starts the stack with {@code environment} added to {@code module}, then a second instance of it. */
    static TwoInstanceStack start(String module, Map<String, String> environment, String publishedTopic) {
        return start(module, environment, Map.of(), publishedTopic);
    }

    /**
     * {@link #start(String, Map, String)}, the second instance with {@code secondOnly} added to its environment: what
     * must differ between the two (e.g. the name each gives itself to the mail server).
     */
    static TwoInstanceStack start(String module, Map<String, String> environment, Map<String, String> secondOnly,
            String publishedTopic) {
        try {
            StackOptions options = StackOptions.ephemeral(Files.createTempDirectory("tikun-two-" + module))
                    .withEnvironment(module, environment);
            LocalStack stack = LocalStack.start(options);
            try {
                return new TwoInstanceStack(stack, stack.startInstance(module, secondOnly), publishedTopic);
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    @Override
    public void close() {
        published.close();
        events.close();
        stack.close();
    }
}
