package io.tikun.routing.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.routing.ProducerSchema;
import io.tikun.stack.testing.Contracts;

/**
 * Routing reads intake's {@code hotspots.detected} example and every subject kind intake's schema allows, taken from
 * intake's contract at test time.
 */
class HotspotContractTest {

    private static final String KIND = "/properties/subject/properties/kind";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ProducerSchema schema = ProducerSchema.read("intake-service", "hotspots.detected.schema.json");

    private ObjectNode example() throws Exception {
        return (ObjectNode) mapper.readTree(Contracts.read("intake-service", "hotspots.detected.example.json"));
    }

    @Test
    void readsTheExampleIntakePublishes() throws Exception {
        HotspotDetected event = mapper.treeToValue(example(), HotspotDetected.class);
        event.requireComplete();
        assertThat(event.hotspotId()).isEqualTo(UUID.fromString("0b9f6f3e-6d0c-3b8e-9d52-4c1f8e2a7b10"));
        assertThat(event.subject()).isEqualTo(new HotspotDetected.Subject(SubjectKind.PRODUCT, "washing_machine"));
        assertThat(event.windowStart()).isEqualTo(Instant.parse("2026-11-29T02:40:00Z"));
        assertThat(event.windowEnd()).isEqualTo(Instant.parse("2026-11-29T08:40:00Z"));
        assertThat(event.complaints()).isEqualTo(7);
        assertThat(event.customers()).isEqualTo(6);
        assertThat(event.expected()).isEqualTo(0.5);
        assertThat(event.pValue()).isEqualTo(1.4e-05);
        assertThat(event.falseAlarmRate()).isEqualTo(0.001);
        assertThat(event.baselineWeeks()).isEqualTo(4);
        assertThat(event.samples()).extracting(HotspotDetected.Sample::reference).containsExactly("TK-000042", "TK-000039");
        assertThat(event.samples().get(0).complaintId()).isEqualTo("5f1c0f9e-3a57-4c41-9d7e-2b0a8f4e6c11");
        assertThat(event.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:40:01Z"));
    }

    @Test
    void readsIntakesRootCauseExample() throws Exception {
        HotspotDetected event = mapper.treeToValue(
                mapper.readTree(Contracts.read("intake-service", "hotspots.detected.root-cause.example.json")),
                HotspotDetected.class);
        event.requireComplete();
        assertThat(event.subject()).isEqualTo(new HotspotDetected.Subject(SubjectKind.ROOT_CAUSE, "washing_machine/door seal"));
    }

    @Test
    void theSubjectKindIsTheOnlyEnumeratedFieldAndRoutingKnowsEveryValue() {
        assertThat(schema.enums().keySet()).containsExactly(KIND);
        assertThat(Arrays.stream(SubjectKind.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(schema.enums().get(KIND));
    }

    @Test
    void readsTheExampleWithEverySubjectKindIntakeSends() throws Exception {
        for (String kind : schema.enums().get(KIND)) {
            ObjectNode event = example();
            ((ObjectNode) event.get("subject")).put("kind", kind);
            HotspotDetected read = mapper.treeToValue(event, HotspotDetected.class);
            read.requireComplete();
            assertThat(read.subject().kind().name()).isEqualTo(kind);
        }
    }

    @Test
    void readsASampleWithoutAReferenceAndFieldsRoutingDoesNotUse() throws Exception {
        ObjectNode event = example();
        event.put("addedLater", true);
        ((ObjectNode) event.withArray("samples").get(1)).putNull("reference");
        HotspotDetected read = mapper.treeToValue(event, HotspotDetected.class);
        read.requireComplete();
        assertThat(read.samples().get(1).reference()).isNull();
    }

    @Test
    void everyFieldTheSchemaRequiresIsOneRoutingChecks() throws Exception {
        List<String> required = mapper.convertValue(schema.at("/required"), mapper.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        for (String field : required) {
            ObjectNode event = example();
            event.remove(field);
            assertThatThrownBy(() -> mapper.treeToValue(event, HotspotDetected.class).requireComplete())
                    .as(field).isInstanceOf(Exception.class);
        }
    }

    @Test
    void refusesASubjectKindIntakeDoesNotSend() throws Exception {
        ObjectNode event = example();
        event.set("subject", mapper.valueToTree(Map.of("kind", "STORE", "value", "haifa")));
        assertThatThrownBy(() -> mapper.treeToValue(event, HotspotDetected.class)).isInstanceOf(Exception.class);
    }
}
