package io.tikun.followup.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.tikun.followup.lifecycle.PublishedChange;

/** The published contract, its example and the record the service writes agree with one another. */
class CommitmentUpdatedContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonNode contract(String file) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/" + file)) {
            assertThat(in).as(file).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void exampleHasEveryRequiredFieldAndReadsAsTheEvent() throws IOException {
        JsonNode schema = contract("commitments.updated.schema.json");
        JsonNode example = contract("commitments.updated.example.json");

        schema.get("required").forEach(field -> assertThat(example.hasNonNull(field.asText())).as(field.asText()).isTrue());
        CommitmentUpdated event = mapper.treeToValue(example, CommitmentUpdated.class);
        assertThat(event.type()).isEqualTo("tikun.commitment.claimed-done");
        assertThat(event.status()).isEqualTo(CommitmentStatus.CLAIMED_DONE);
    }

    @Test
    void theServiceWritesExactlyTheFieldsTheSchemaDescribes() throws IOException {
        JsonNode schema = contract("commitments.updated.schema.json");
        CommitmentUpdated event = new CommitmentUpdated(UUID.randomUUID(), UUID.randomUUID(), "cmp-1", "TK-000042",
                "cust-1", PublishedChange.VERIFIED.wireName(), CommitmentStatus.VERIFIED, "customer",
                "the customer confirmed it was done", Instant.parse("2026-11-25T12:00:00Z"), Instant.now());

        JsonNode written = mapper.valueToTree(event);

        assertThat(names(written)).containsExactlyInAnyOrderElementsOf(names(schema.get("properties")));
        assertThat(names(written)).containsExactlyInAnyOrderElementsOf(
                mapper.convertValue(schema.get("required"), List.class));
    }

    @Test
    void namesEveryPublishedChangeAndStatusTheServiceCanWrite() throws IOException {
        JsonNode properties = contract("commitments.updated.schema.json").get("properties");

        List<String> changes = mapper.convertValue(properties.get("change").get("enum"), List.class);
        List<String> statuses = mapper.convertValue(properties.get("status").get("enum"), List.class);

        assertThat(changes).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(PublishedChange.values()).map(PublishedChange::wireName).toList());
        assertThat(statuses).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CommitmentStatus.values()).map(Enum::name).toList());
    }

    private static JsonSchema validator(JsonNode schema) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void everyEventTheServiceCanWriteValidatesAgainstItsSchemaForEveryChangeAndStatus() throws IOException {
        JsonSchema schema = validator(contract("commitments.updated.schema.json"));

        for (PublishedChange change : PublishedChange.values()) {
            for (CommitmentStatus status : CommitmentStatus.values()) {
                CommitmentUpdated event = new CommitmentUpdated(UUID.randomUUID(), UUID.randomUUID(), "cmp-1",
                        "TK-000042", "cust-1", change.wireName(), status, "followup-scheduler", "why it changed",
                        Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-24T08:00:00.123456Z"));
                assertThat(schema.validate(mapper.valueToTree(event))).as("%s / %s", change, status).isEmpty();
            }
        }
        assertThat(schema.validate(contract("commitments.updated.example.json"))).as("the example").isEmpty();
    }

    @Test
    void theSchemaRefusesAChangeOrStatusItDoesNotDeclare() throws IOException {
        JsonSchema schema = validator(contract("commitments.updated.schema.json"));
        ObjectNode example = (ObjectNode) contract("commitments.updated.example.json");

        assertThat(schema.validate(example.deepCopy().put("change", "claimed_done"))).isNotEmpty();
        assertThat(schema.validate(example.deepCopy().put("status", "DONE"))).isNotEmpty();
        assertThat(schema.validate(example.deepCopy().put("dueAt", "tomorrow"))).isNotEmpty();
    }
}
