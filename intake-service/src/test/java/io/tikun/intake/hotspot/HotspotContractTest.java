package io.tikun.intake.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** The hotspot event as the topology writes it, for every subject kind, and the published example, fit the schema. */
class HotspotContractTest {

    private static final Instant END = Instant.parse("2026-11-29T08:40:00Z");
    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private JsonNode resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contracts/" + name)) {
            return mapper.readTree(in);
        }
    }

    private JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(resource("hotspots.detected.schema.json"));
    }

    @Test
    void everySubjectKindTheTopologyWritesFitsTheSchema() throws IOException {
        JsonSchema schema = schema();
        for (HotspotSubject.Kind kind : HotspotSubject.Kind.values()) {
            HotspotDetected event = new HotspotDetected("0b9f6f3e-6d0c-3b8e-9d52-4c1f8e2a7b10",
                    new HotspotDetected.Subject(kind, "washing_machine"), END.minusSeconds(6 * 3600), END, 5, 5, 0.5,
                    PoissonTail.atLeast(5, 0.5), 0.001, 0,
                    List.of(new HotspotDetected.Sample("c-1", "TK-000042", END)), END.plusSeconds(1));
            assertThat(schema.validate(mapper.valueToTree(event))).as(kind.name()).isEmpty();
        }
    }

    @Test
    void theSchemaListsExactlyTheSubjectKindsTheCodeKnows() throws IOException {
        JsonNode kinds = resource("hotspots.detected.schema.json").at("/properties/subject/properties/kind/enum");
        assertThat(StreamSupport.stream(kinds.spliterator(), false).map(JsonNode::asText))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(HotspotSubject.Kind.values()).map(Enum::name).toList());
    }

    @Test
    void thePublishedExampleFitsTheSchemaAndReadsAsTheRecord() throws IOException {
        JsonNode example = resource("hotspots.detected.example.json");
        assertThat(schema().validate(example)).isEmpty();
        HotspotDetected read = mapper.treeToValue(example, HotspotDetected.class);
        assertThat(read.subject().kind()).isEqualTo(HotspotSubject.Kind.PRODUCT);
        assertThat(read.customers()).isEqualTo(6);
    }

    @Test
    void theRootCauseExampleFitsTheSchemaAndReadsAsTheRecord() throws IOException {
        JsonNode example = resource("hotspots.detected.root-cause.example.json");
        assertThat(schema().validate(example)).isEmpty();
        HotspotDetected read = mapper.treeToValue(example, HotspotDetected.class);
        assertThat(read.subject().kind()).isEqualTo(HotspotSubject.Kind.ROOT_CAUSE);
        assertThat(read.subject().value()).isEqualTo("washing_machine/door seal");
    }

    @Test
    void routingsResolvedCaseExampleCountsItsRootCauseForItsProductAndCategory() throws IOException {
        JsonNode resolved = mapper.readTree(java.nio.file.Path.of(
                "../routing-service/src/main/resources/contracts/cases.updated.resolved.example.json").toFile());
        List<HotspotSubject> subjects = new SubjectExtractor(30, (text, min) -> List.of()).rootCauses(resolved);
        assertThat(subjects).extracting(HotspotSubject::key).containsExactly(
                new HotspotSubject(HotspotSubject.Kind.ROOT_CAUSE, resolved.path("productId").asText() + "/"
                        + resolved.path("rootCause").asText()).key(),
                new HotspotSubject(HotspotSubject.Kind.ROOT_CAUSE, resolved.path("category").asText() + "/"
                        + resolved.path("rootCause").asText()).key());
    }

    /** The hotspot topology consumes complaints.received: a customer's complaint is counted, a probe never is. */
    @Test
    void theTopologyCountsTheReceivedExampleAndSkipsTheProbeExample() throws IOException {
        HotspotTopology topology = new HotspotTopology(HotspotSettings.defaults(), mapper,
                io.tikun.intake.classification.ComplaintClassifierTest.CLASSIFIER::terms);
        String received = resource("complaints.received.example.json").toString();
        JsonNode probe = resource("complaints.received.probe.example.json");

        assertThat(probe.path("probe").asBoolean()).isTrue();
        assertThat(topology.sightings(received)).isNotEmpty();
        assertThat(topology.sightings(probe.toString())).isEmpty();
    }
}
