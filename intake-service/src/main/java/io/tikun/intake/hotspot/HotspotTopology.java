package io.tikun.intake.hotspot;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hotspot topology: every {@code complaints.received} event (keyed by customer) becomes one sighting per subject it
 * is about, and every {@code cases.updated} event of a case resolved with a root cause one sighting of that root cause
 * per product and category; re-keyed by subject through a repartition topic so each subject's counts live in one task, then
 * counted by
 * {@link HotspotDetector}; raised hotspots go to {@code hotspots.detected} keyed by subject. All state is in persistent
 * stores with changelog topics, so instances share the subjects by partition and a restarted one resumes.
 */
public final class HotspotTopology {

    private static final Logger LOG = Logger.getLogger(HotspotTopology.class);

    private final HotspotSettings settings;
    private final ObjectMapper mapper;
    private final SubjectExtractor extractor;
    private final TermReader terms;
    private final boolean inMemory;

    public HotspotTopology(HotspotSettings settings, ObjectMapper mapper, TermReader terms) {
        this(settings, mapper, terms, false);
    }

    private HotspotTopology(HotspotSettings settings, ObjectMapper mapper, TermReader terms, boolean inMemory) {
        this.settings = settings;
        this.mapper = mapper;
        this.terms = terms;
        this.extractor = new SubjectExtractor(settings.maxTermsPerComplaint(), terms);
        this.inMemory = inMemory;
    }

    /**
     * The same topology over in-memory stores (still with changelogs): for replaying weeks of history in a test driver,
     * which commits, and so flushes every RocksDB store to disk, after each record.
     */
    public HotspotTopology inMemory() {
        return new HotspotTopology(settings, mapper, terms, true);
    }

    /**
     * @param complaintTopics every topic {@code tikun.complaint.received} events arrive on (the ordinary and the urgent
     *        lane)
     * @param casesTopic routing's {@code cases.updated}, whose resolved cases may name a root cause
     */
    public Topology build(List<String> complaintTopics, String casesTopic, String hotspotsTopic) {
        Serde<Sighting> sightingSerde = JsonSerde.of(Sighting.class, mapper);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(HotspotStores.SIGHTINGS, sightingSerde));
        builder.addStateStore(store(HotspotStores.CUSTOMERS, Serdes.Long()));
        builder.addStateStore(store(HotspotStores.SUMMARIES, JsonSerde.of(SubjectSummary.class, mapper)));
        builder.addStateStore(store(HotspotStores.HOURLY, Serdes.Long()));
        builder.addStateStore(store(HotspotStores.RAISED, Serdes.Long()));
        builder.addStateStore(store(HotspotStores.CLOCK, Serdes.Long()));
        builder.addStateStore(store(HotspotStores.SUBJECTS, Serdes.Long()));

        KStream<String, Sighting> rootCauses = builder
                .stream(casesTopic, Consumed.with(Serdes.String(), Serdes.String()).withName("cases"))
                .flatMap((customerKey, json) -> rootCauseSightings(json));
        builder.stream(complaintTopics, Consumed.with(Serdes.String(), Serdes.String()).withName("complaints"))
                .flatMap((customerKey, json) -> sightings(json))
                .merge(rootCauses)
                .repartition(Repartitioned.with(Serdes.String(), sightingSerde).withName("hotspot-subjects"))
                .process(() -> new HotspotDetector(settings), HotspotStores.SIGHTINGS, HotspotStores.CUSTOMERS,
                        HotspotStores.SUMMARIES, HotspotStores.HOURLY, HotspotStores.RAISED, HotspotStores.CLOCK,
                        HotspotStores.SUBJECTS)
                .to(hotspotsTopic, Produced.with(Serdes.String(), JsonSerde.of(HotspotDetected.class, mapper)));
        return builder.build();
    }

    /**
     * A store keyed by string, cached: a complaint reads and writes each subject's entries several times, and the cache
     * answers those reads and sends only each key's last value to the changelog when the task commits (or the cache
     * fills), instead of a changelog record per write. The detector's output is forwarded, not cached.
     */
    private <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        KeyValueBytesStoreSupplier supplier = inMemory ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), values).withCachingEnabled();
    }

    /** One sighting per subject; an event that cannot be read counts for nothing (it stays on its topic). */
    List<KeyValue<String, Sighting>> sightings(String json) {
        try {
            JsonNode complaint = mapper.readTree(json);
            if (complaint.has("messageId")) {
                return List.of(); // tikun.complaint.message-added shares the topics: a further message, not a complaint
            }
            if (complaint.path("probe").asBoolean(false)) {
                return List.of(); // a synthetic probe complaint is no customer's: it counts for nothing
            }
            String complaintId = complaint.path("complaintId").asText("");
            String customerId = complaint.path("customer").path("id").asText("");
            if (complaintId.isBlank() || customerId.isBlank()) {
                LOG.warnf("complaints.received event without complaint or customer id skipped by hotspot analysis");
                return List.of();
            }
            long receivedAt = Instant.parse(complaint.path("receivedAt").asText()).toEpochMilli();
            Sighting sighting = new Sighting(complaintId, complaint.path("reference").asText(null), customerId,
                    receivedAt);
            return extractor.subjects(complaint).stream().map(s -> KeyValue.pair(s.key(), sighting)).toList();
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            LOG.warnf("complaints.received event skipped by hotspot analysis: %s", e.getMessage());
            return List.of();
        }
    }

    /** One sighting per root cause subject of a resolved case; any other case change counts for nothing. */
    List<KeyValue<String, Sighting>> rootCauseSightings(String json) {
        try {
            JsonNode update = mapper.readTree(json);
            List<HotspotSubject> subjects = extractor.rootCauses(update);
            if (subjects.isEmpty()) {
                return List.of();
            }
            String complaintId = update.path("complaintId").asText("");
            String customerId = update.path("customerId").asText("");
            if (complaintId.isBlank() || customerId.isBlank()) {
                LOG.warnf("cases.updated event without complaint or customer id skipped by hotspot analysis");
                return List.of();
            }
            long resolvedAt = Instant.parse(update.path("occurredAt").asText()).toEpochMilli();
            Sighting sighting = new Sighting(complaintId, update.path("reference").asText(null), customerId, resolvedAt);
            return subjects.stream().map(s -> KeyValue.pair(s.key(), sighting)).toList();
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            LOG.warnf("cases.updated event skipped by hotspot analysis: %s", e.getMessage());
            return List.of();
        }
    }
}
