package io.tikun.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.KafkaBroker;

/** A real single-node Kafka broker for {@code @QuarkusTest}s, on a free port. */
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
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
