package io.tikun.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.KafkaBroker;
import io.tikun.stack.LocalStack;

/**
 * A real single-node Kafka broker for {@code @QuarkusTest}s, on a free port, with every topic of the platform
 * created before the application starts. A topic auto-created by a test's first record races the consumer
 * group's assignment: one partition could then be taken a minute after the others.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final int PARTITIONS = 3;
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start(0, PARTITIONS, Files.createTempDirectory("tikun-kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker.createTopics(LocalStack.TOPICS, PARTITIONS);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
