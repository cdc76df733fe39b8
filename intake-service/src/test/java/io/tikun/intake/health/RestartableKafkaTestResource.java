package io.tikun.intake.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.KafkaBroker;

/** A Kafka broker of one test's own that the test can stop and start again on the same port and data. */
public class RestartableKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final int PARTITIONS = 3;

    private final BrokerSwitch control = new BrokerSwitch();
    private Path dataDir;
    private int port;
    private KafkaBroker broker;

    /** Stops and starts the broker under the test's control. */
    public final class BrokerSwitch {

        public synchronized void stop() {
            broker.close();
            broker = null;
        }

        public synchronized void start() {
            broker = KafkaBroker.start(port, PARTITIONS, dataDir);
        }

        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("tikun-kafka-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.start(0, PARTITIONS, dataDir);
        String servers = broker.bootstrapServers();
        port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        return Map.of("kafka.bootstrap.servers", servers);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(control, new TestInjector.MatchesType(BrokerSwitch.class));
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
