package io.tikun.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A single-node KRaft Apache Kafka broker (broker and controller in one JVM), run from the jars
 * that deploy/servers copies out of Maven Central.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final String READY_LINE = "Kafka Server started";
    private static final int CLUSTER_ID_BYTES = 16;
    private static final String HEAP = "-Xmx512m";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final short REPLICATION = 1;

    private final int port;
    private final List<String> command;
    private final Path dataDir;
    private ChildProcess process;

    private KafkaBroker(int port, List<String> command, Path dataDir, ChildProcess process) {
        this.port = port;
        this.command = command;
        this.dataDir = dataDir;
        this.process = process;
    }

    /**
     * Starts a broker on {@code port} (0 picks a free one) keeping its log in {@code dataDir}. A
     * data directory that was formatted before is reused as it is, so a local run keeps its topics.
     */
    public static KafkaBroker start(int port, int partitions, Path dataDir) {
        Path libs = StackHome.requireDirectory(StackHome.servers().resolve("kafka/libs"),
                "build deploy/servers first (./mvnw -pl deploy/servers package)");
        int brokerPort = FreePorts.orNext(port);
        int controllerPort = FreePorts.next();
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("log");
            Path config = dataDir.resolve("server.properties");
            writeConfig(config, brokerPort, controllerPort, partitions, logDir);
            String classpath = libs.toAbsolutePath() + "/*";
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                ChildProcess.start("kafka-storage-format",
                        List.of(ChildProcess.javaExecutable(), HEAP, "-cp", classpath, "kafka.tools.StorageTool", "format",
                                "-t", randomClusterId(), "-c", config.toString()),
                        Map.of(), dataDir, dataDir.resolve("format.log"), line -> false)
                        .awaitSuccess(FORMAT_TIMEOUT);
            }
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), HEAP, "-cp", classpath,
                    "kafka.Kafka", config.toString()));
            return new KafkaBroker(brokerPort, List.copyOf(command), dataDir, launch(command, dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + dataDir, e);
        }
    }

    private static ChildProcess launch(List<String> command, Path dataDir) {
        return ChildProcess
                .start("kafka", command, Map.of(), dataDir, dataDir.resolve("kafka.log"), line -> line.contains(READY_LINE))
                .awaitReadyLine(START_TIMEOUT);
    }

    /** Kills the broker with SIGKILL, as a crash would: no controlled shutdown, nothing flushed. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker again on the same ports and log after {@link #kill()}; its topics and offsets are kept. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        process = launch(command, dataDir);
    }

    private static void writeConfig(Path file, int brokerPort, int controllerPort, int partitions, Path logDir)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // One node: every internal topic must live with a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Tikun single-node Kafka");
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[CLUSTER_ID_BYTES];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    /**
     * Creates the topics that do not exist yet, so the first event of a fresh stack is not
     * delayed while consumers discover an auto-created topic.
     */
    public KafkaBroker createTopics(List<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, REPLICATION)).toList();
            admin.createTopics(missing).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
