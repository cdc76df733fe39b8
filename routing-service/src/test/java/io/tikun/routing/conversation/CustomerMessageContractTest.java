package io.tikun.routing.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import com.networknt.schema.ValidationMessage;

import io.tikun.routing.ProducerSchema;
import io.tikun.routing.cases.DeliveryStatus;
import io.tikun.routing.cases.MessageKind;
import io.tikun.routing.cases.SupportCase;
import io.tikun.stack.testing.Contracts;

/**
 * Routing against intake's conversation contracts, read from intake's sources at test time: what routing asks for
 * validates against {@code customer.messages.requested}, and every status intake can report reads.
 */
class CustomerMessageContractTest {

    private static final String INTAKE = "intake-service";
    static final String REQUESTED_SCHEMA = "customer.messages.requested.schema.json";
    private static final String STATUS_SCHEMA = "customer.messages.status.schema.json";
    /** The kinds routing itself sends; the others are follow-up's. */
    static final List<MessageKind> SENT_BY_ROUTING = List.of(MessageKind.AGENT_REPLY, MessageKind.EXPECTATION_SUMMARY,
            MessageKind.CALLBACK_SUMMARY, MessageKind.THANK_YOU);

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Intake's schema for requests, validating formats too. */
    static JsonSchema requestedSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Contracts.read(INTAKE, REQUESTED_SCHEMA), config);
    }

    private static SupportCase hebrewCase() {
        SupportCase c = new SupportCase();
        c.id = UUID.randomUUID();
        c.complaintId = "6751a9e0c2b3f41d2e8a7c10";
        c.reference = "TK-000042";
        c.customerId = "6751a9e0c2b3f41d2e8a7c0f";
        c.customerName = "דנה לוי";
        c.language = "he";
        return c;
    }

    @Test
    void everyKindRoutingSendsValidatesAgainstIntakesSchema() {
        JsonSchema schema = requestedSchema();
        SupportCase c = hebrewCase();
        Instant now = Instant.parse("2026-12-01T08:30:00.123456Z");
        for (MessageKind kind : SENT_BY_ROUTING) {
            boolean byAgent = kind == MessageKind.AGENT_REPLY;
            CustomerMessageRequested event = CustomerMessageRequested.of(c, kind, "routing:" + kind + ":" + UUID.randomUUID(),
                    byAgent ? "noa" : null, byAgent ? "Noa Cohen" : null, "שלום דנה,\n\nטכנאי יגיע ביום שלישי.", now);
            JsonNode json = mapper.valueToTree(event);
            Set<ValidationMessage> errors = schema.validate(json);
            assertThat(errors).as(kind + ": " + json).isEmpty();
            assertThat(json.get("automatic").asBoolean()).as(kind.name()).isEqualTo(!byAgent);
            assertThat(json.get("requestedBy").asText()).isEqualTo("routing-service");
        }
    }

    @Test
    void aRequestWithoutTextOrInAnUnknownLanguageIsRefusedBySchema() {
        JsonSchema schema = requestedSchema();
        ObjectNode json = mapper.valueToTree(CustomerMessageRequested.of(hebrewCase(), MessageKind.THANK_YOU, "routing:x",
                null, null, "Thanks", Instant.now()));
        json.put("text", "");
        assertThat(schema.validate(json)).isNotEmpty();
        json.put("text", "Thanks");
        json.put("language", "fr");
        assertThat(schema.validate(json)).isNotEmpty();
    }

    @Test
    void routingsKindsAreIntakesKinds() {
        ProducerSchema requested = ProducerSchema.read(INTAKE, REQUESTED_SCHEMA);
        ProducerSchema status = ProducerSchema.read(INTAKE, STATUS_SCHEMA);
        List<String> ours = Arrays.stream(CustomerMessageKind.values()).map(Enum::name).toList();
        assertThat(requested.enums().get("/properties/kind")).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(status.enums().get("/properties/kind")).containsExactlyInAnyOrderElementsOf(ours);
        SENT_BY_ROUTING.forEach(kind -> assertThat(ours).contains(CustomerMessageKind.of(kind).name()));
        assertThat(requested.enums().get("/properties/requestedBy")).contains(CustomerMessageRequested.REQUESTED_BY);
        assertThat(requested.enums().get("/properties/language")).containsExactlyInAnyOrderElementsOf(CustomerTexts.LANGUAGES);
    }

    @Test
    void everyStatusExampleReads() throws IOException {
        CustomerMessageStatus sent = read(Contracts.read(INTAKE, "customer.messages.status.example.json"));
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.kind()).isEqualTo(CustomerMessageKind.AGENT_REPLY);
        assertThat(sent.requestedByRouting()).isTrue();
        assertThat(sent.providerMessageId()).isNotBlank();

        CustomerMessageStatus failed = read(Contracts.read(INTAKE, "customer.messages.status.failed.example.json"));
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.kind()).isEqualTo(CustomerMessageKind.THANK_YOU);
        assertThat(failed.channel()).isEqualTo("meta");
        assertThat(failed.reason()).contains("meta 400");
    }

    @Test
    void everyStatusKindAndChannelIntakeDeclaresReads() throws IOException {
        ProducerSchema schema = ProducerSchema.read(INTAKE, STATUS_SCHEMA);
        ObjectNode example = (ObjectNode) mapper.readTree(Contracts.read(INTAKE, "customer.messages.status.example.json"));
        List<String> statuses = schema.enums().get("/properties/status");
        assertThat(statuses).containsExactlyInAnyOrderElementsOf(Arrays.stream(DeliveryStatus.values())
                .filter(s -> s != DeliveryStatus.REQUESTED).map(Enum::name).toList());
        for (String status : statuses) {
            assertThat(read(example.deepCopy().put("status", status)).status().name()).isEqualTo(status);
        }
        for (String kind : schema.enums().get("/properties/kind")) {
            assertThat(read(example.deepCopy().put("kind", kind)).kind().name()).isEqualTo(kind);
        }
        for (String channel : schema.enums().get("/properties/channel")) {
            assertThat(read(example.deepCopy().put("channel", channel)).channel()).isEqualTo(channel);
        }
        for (String by : schema.enums().get("/properties/requestedBy")) {
            assertThat(read(example.deepCopy().put("requestedBy", by)).requestedByRouting())
                    .isEqualTo("routing-service".equals(by));
        }
    }

    @Test
    void aStatusIsOnlyEverReplacedByALaterOne() {
        assertThat(DeliveryStatus.SENT.isLaterThan(DeliveryStatus.REQUESTED)).isTrue();
        assertThat(DeliveryStatus.DELIVERED.isLaterThan(DeliveryStatus.SENT)).isTrue();
        assertThat(DeliveryStatus.FAILED.isLaterThan(DeliveryStatus.SENT)).isTrue();
        assertThat(DeliveryStatus.SENT.isLaterThan(DeliveryStatus.DELIVERED)).isFalse();
        assertThat(DeliveryStatus.SENT.isLaterThan(DeliveryStatus.SENT)).isFalse();
        assertThat(DeliveryStatus.DELIVERED.isLaterThan(DeliveryStatus.FAILED)).isFalse();
    }

    private CustomerMessageStatus read(String json) throws IOException {
        CustomerMessageStatus status = mapper.readValue(json, CustomerMessageStatus.class);
        status.requireComplete();
        return status;
    }

    private CustomerMessageStatus read(JsonNode json) throws IOException {
        return read(mapper.writeValueAsString(json));
    }
}
