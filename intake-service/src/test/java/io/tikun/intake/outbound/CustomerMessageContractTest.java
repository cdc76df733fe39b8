package io.tikun.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** The gateway's event records against its published contracts, for every value each enumerated field takes. */
class CustomerMessageContractTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:30:02Z");
    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private JsonNode resource(String name) {
        try (InputStream in = getClass().getResourceAsStream("/contracts/" + name)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonSchema schema(String name) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource(name));
    }

    @Test
    void statusEventValidatesForEveryStatusKindRequesterAndChannelIncludingNone() {
        JsonSchema schema = schema("customer.messages.status.schema.json");
        List<String> invalid = new ArrayList<>();
        List<String> channels = Arrays.asList("email", "meta", "x", "webhook", null);
        for (CustomerMessageStatus.Status status : CustomerMessageStatus.Status.values()) {
            for (CustomerMessageKind kind : CustomerMessageKind.values()) {
                for (String requester : CustomerMessageRequest.REQUESTERS) {
                    for (String channel : channels) {
                        var event = new CustomerMessageStatus("routing:reply:1", "c-1", null, "cu-1", "TK-000042", kind,
                                requester, channel, status, status == CustomerMessageStatus.Status.FAILED ? "why" : null,
                                null, 1, AT);
                        schema.validate(mapper.valueToTree(event))
                                .forEach(m -> invalid.add(status + "/" + kind + "/" + channel + ": " + m.getMessage()));
                    }
                }
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void everyPublishedExampleValidatesAndTheRequestExampleIsAComplete() throws Exception {
        for (String example : List.of("customer.messages.requested.example.json", "customer.messages.status.example.json",
                "customer.messages.status.failed.example.json")) {
            String type = example.startsWith("customer.messages.requested") ? "customer.messages.requested"
                    : "customer.messages.status";
            assertThat(schema(type + ".schema.json").validate(resource(example))).as(example).isEmpty();
        }
        CustomerMessageRequest request = mapper.treeToValue(resource("customer.messages.requested.example.json"),
                CustomerMessageRequest.class);
        assertThat(request.problems()).isEmpty();
    }

    @Test
    void requestSchemaAndRecordAgreeOnLanguagesAndRequesters() {
        JsonNode properties = resource("customer.messages.requested.schema.json").path("properties");
        List<String> languages = new ArrayList<>();
        properties.path("language").path("enum").forEach(v -> languages.add(v.asText()));
        List<String> requesters = new ArrayList<>();
        properties.path("requestedBy").path("enum").forEach(v -> requesters.add(v.asText()));
        assertThat(languages).containsExactlyInAnyOrderElementsOf(CustomerMessageRequest.LANGUAGES);
        assertThat(requesters).containsExactlyInAnyOrderElementsOf(CustomerMessageRequest.REQUESTERS);
    }

    @Test
    void refusesARequestMissingWhatTheContractRequires() throws Exception {
        var request = mapper.readValue("{\"messageId\":\"m\",\"kind\":\"AGENT_REPLY\",\"language\":\"fr\",\"text\":\"\"}",
                CustomerMessageRequest.class);

        assertThat(request.problems()).anyMatch(p -> p.startsWith("complaintId"))
                .anyMatch(p -> p.startsWith("language")).anyMatch(p -> p.startsWith("text"))
                .anyMatch(p -> p.startsWith("requestedBy"));
    }
}
