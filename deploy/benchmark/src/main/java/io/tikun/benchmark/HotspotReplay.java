package io.tikun.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.classification.ComplaintClassifier;
import io.tikun.intake.hotspot.HotspotSettings;
import io.tikun.intake.hotspot.HotspotTopology;

/**
 * Feeds a replayed complaint stream, in time order, through intake's own hotspot topology (the class the service runs,
 * with persistent state stores) in Kafka Streams' {@link TopologyTestDriver}, moving the driver's wall clock with the
 * complaints so the topology's wall-clock sweep runs as it would live; returns every hotspot raised.
 */
final class HotspotReplay {

    static final String COMPLAINTS = "complaints.received";
    static final String CASES = "cases.updated";
    static final String HOTSPOTS = "hotspots.detected";

    /** A raised hotspot, as read back from {@code hotspots.detected}. */
    record Raised(String kind, String value, Instant windowEnd, long complaints, long customers, double expected,
            double pValue, int baselineWeeks, List<String> sampleIds) {
    }

    /** What a replay produced and how long the topology took over it. */
    record Outcome(List<Raised> hotspots, int complaints, Duration took) {
        double complaintsPerSecond() {
            return complaints / (took.toNanos() / 1e9);
        }
    }

    private final ObjectMapper mapper;
    private final HotspotSettings settings;
    private final ComplaintClassifier classifier;
    private final java.util.Map<String, String> classifiedProducts = new java.util.HashMap<>();
    private final java.util.Map<String, String> classifiedCategories = new java.util.HashMap<>();

    /** @param classifier intake's classifier, which gives each complaint its product and category as intake would */
    HotspotReplay(ObjectMapper mapper, HotspotSettings settings, ComplaintClassifier classifier) {
        this.mapper = mapper;
        this.settings = settings;
        this.classifier = classifier;
    }

    /** The product intake's classifier found in a complaint already turned into an event, or null. */
    String classifiedProduct(String complaintId) {
        return classifiedProducts.get(complaintId);
    }

    /** The category intake's classifier gave a complaint already turned into an event. */
    String classifiedCategory(String complaintId) {
        return classifiedCategories.get(complaintId);
    }

    /** The same replay under other settings (the classification of each complaint is kept). */
    HotspotReplay with(HotspotSettings other) {
        HotspotReplay replay = new HotspotReplay(mapper, other, classifier);
        replay.classifiedProducts.putAll(classifiedProducts);
        replay.classifiedCategories.putAll(classifiedCategories);
        return replay;
    }

    /** Each replayed complaint as intake would publish it: classified by intake's own classifier. */
    List<String> events(List<ReplayComplaint> complaints) throws IOException {
        List<String> serialized = new ArrayList<>(complaints.size());
        for (ReplayComplaint complaint : complaints) {
            serialized.add(mapper.writeValueAsString(event(complaint)));
        }
        return serialized;
    }

    /**
     * @param inMemory in-memory stores instead of the service's RocksDB ones: same counting, without the driver's flush
     *        of every store to disk after each record
     */
    Outcome replay(List<ReplayComplaint> complaints, List<String> serialized, Instant start, boolean inMemory)
            throws IOException {
        Path stateDir = Files.createTempDirectory("hotspot-replay");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hotspot-replay");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        HotspotTopology topology = new HotspotTopology(settings, mapper, classifier::terms);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                (inMemory ? topology.inMemory() : topology).build(List.of(COMPLAINTS), CASES, HOTSPOTS), props, start)) {
            TestInputTopic<String, String> in = driver.createInputTopic(COMPLAINTS, Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic(HOTSPOTS, Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            long sweep = settings.sweepInterval().toMillis();
            long wallClock = start.toEpochMilli();
            long began = System.nanoTime();
            for (int i = 0; i < complaints.size(); i++) {
                ReplayComplaint complaint = complaints.get(i);
                long at = complaint.receivedAt().toEpochMilli();
                if (at - wallClock >= sweep) {
                    driver.advanceWallClockTime(Duration.ofMillis(at - wallClock));
                    wallClock = at;
                }
                in.pipeInput(complaint.customerId(), serialized.get(i), complaint.receivedAt());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            List<Raised> raised = new ArrayList<>();
            for (String json : out.readValuesToList()) {
                raised.add(raised(mapper.readTree(json)));
            }
            return new Outcome(raised, complaints.size(), took);
        } finally {
            deleteQuietly(stateDir);
        }
    }

    /** The fields of a {@code tikun.complaint.received} event the topology reads, shaped as intake sends them. */
    private ObjectNode event(ReplayComplaint complaint) {
        ObjectNode event = mapper.createObjectNode();
        event.put("complaintId", complaint.complaintId());
        event.put("reference", complaint.reference());
        event.put("receivedAt", complaint.receivedAt().toString());
        event.put("language", complaint.language());
        event.put("subject", complaint.subject());
        event.put("body", complaint.body());
        event.putObject("customer").put("id", complaint.customerId());
        Classification classified = classifier.classify(complaint.subject(), complaint.body());
        if (classified.product() != null) {
            classifiedProducts.put(complaint.complaintId(), classified.product().id());
        }
        classifiedCategories.put(complaint.complaintId(), classified.category());
        ObjectNode classification = event.putObject("classification");
        if (classified.product() == null) {
            classification.putNull("product");
        } else {
            classification.putObject("product").put("id", classified.product().id());
        }
        classification.put("category", classified.category());
        return event;
    }

    private static Raised raised(JsonNode hotspot) {
        List<String> samples = new ArrayList<>();
        hotspot.path("samples").forEach(s -> samples.add(s.path("complaintId").asText()));
        return new Raised(hotspot.path("subject").path("kind").asText(), hotspot.path("subject").path("value").asText(),
                Instant.parse(hotspot.path("windowEnd").asText()), hotspot.path("complaints").asLong(),
                hotspot.path("customers").asLong(), hotspot.path("expected").asDouble(),
                hotspot.path("pValue").asDouble(), hotspot.path("baselineWeeks").asInt(), samples);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
