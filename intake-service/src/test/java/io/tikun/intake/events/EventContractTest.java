package io.tikun.intake.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.classification.ComplaintClassifierTest;
import io.tikun.intake.complaint.Attachment;
import io.tikun.intake.complaint.ComplaintChannel;
import io.tikun.intake.language.LanguageDetector;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityReason;
import io.tikun.intake.severity.SignalCode;

/**
 * Intake's own event records, serialized for every value each enumerated field can take, validate against intake's
 * published schemas: a value added in code but not in the schema (or renamed in either) fails the build.
 */
class EventContractTest {

    /** Fields whose values are a closed set in every contract; each must be an {@code enum} in the schema. */
    private static final Set<String> ENUMERATED = Set.of("channel", "severity", "implies", "signal", "language",
            "visibility");
    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    // As Quarkus configures Jackson: java.time as ISO-8601 strings.
    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static JsonNode resource(ObjectMapper mapper, String name) {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/contracts/" + name)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonSchema schema(String name) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource(mapper, name));
    }

    private Set<ValidationMessage> validate(JsonSchema schema, Object event) {
        return schema.validate(mapper.valueToTree(event));
    }

    private static ComplaintReceived received(String channel, Severity severity, List<SeverityReason> reasons,
            String language) {
        return new ComplaintReceived("c-1", "TK-000042", channel,
                new ComplaintReceived.CustomerRef("cu-1", "Dana Levi", "dana@example.com", null), "Heater",
                "The heater is broken", severity, reasons, AT, AT.plusSeconds(3600), false, null, language,
                new Classification(new Classification.ProductMatch("water_heater", "Water heater", List.of("heater")),
                        "product_defect", List.of("broken"), List.of("12345678")));
    }

    @Test
    void everyEnumeratedFieldInEverySchemaIsAnEnum() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("complaints.received.schema.json", "complaints.message-added.schema.json",
                "social.replies.schema.json")) {
            collectNonEnums(name, "", resource(mapper, name), missing);
        }
        assertThat(missing).isEmpty();
    }

    private static void collectNonEnums(String schema, String path, JsonNode node, List<String> missing) {
        JsonNode properties = node.path("properties");
        properties.fieldNames().forEachRemaining(field -> {
            JsonNode property = properties.get(field);
            if (ENUMERATED.contains(field) && !property.has("enum")) {
                missing.add(schema + " " + path + field);
            }
            collectNonEnums(schema, path + field + ".", property, missing);
        });
        if (node.has("items")) {
            collectNonEnums(schema, path, node.get("items"), missing);
        }
    }

    @Test
    void complaintReceivedValidatesForEverySeveritySignalChannelAndLanguage() {
        JsonSchema schema = schema("complaints.received.schema.json");
        List<String> invalid = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            for (SignalCode signal : SignalCode.values()) {
                ComplaintReceived event = received("web", severity,
                        List.of(new SeverityReason(signal.name(), severity, "evidence")), "en");
                validate(schema, event).forEach(m -> invalid.add(severity + "/" + signal + ": " + m.getMessage()));
            }
        }
        for (ComplaintChannel channel : ComplaintChannel.values()) {
            validate(schema, received(channel.wire(), Severity.LOW, List.of(), "en"))
                    .forEach(m -> invalid.add(channel + ": " + m.getMessage()));
        }
        for (String language : LanguageDetector.CODES) {
            validate(schema, received("email", Severity.LOW, List.of(), language))
                    .forEach(m -> invalid.add(language + ": " + m.getMessage()));
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void complaintReceivedValidatesForEveryShippedCategoryWithAndWithoutAProduct() {
        JsonSchema schema = schema("complaints.received.schema.json");
        List<String> invalid = new ArrayList<>();
        for (String category : ComplaintClassifierTest.CLASSIFIER.categoryCodes()) {
            ComplaintReceived event = received("web", Severity.LOW, List.of(), "he");
            for (Classification.ProductMatch product : Arrays.asList(null,
                    new Classification.ProductMatch("washing_machine", "Washing machine", List.of("WM-8200")))) {
                ComplaintReceived classified = withClassification(event,
                        new Classification(product, category, List.of(), List.of()));
                validate(schema, classified).forEach(m -> invalid.add(category + "/" + product + ": " + m.getMessage()));
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void exampleCarriesWhatTheClassifierSaysOfItsText() throws IOException {
        for (String name : List.of("complaints.received.example.json", "complaints.received.email.example.json")) {
            JsonNode example = resource(mapper, name);
            assertThat(mapper.treeToValue(example.get("classification"), Classification.class)).as(name)
                    .isEqualTo(ComplaintClassifierTest.CLASSIFIER.classify(example.get("subject").asText(),
                            example.get("body").asText()));
        }
    }

    @Test
    void attachmentsTravelAsMetadataOnBothEventsAndAreLeftOutWhenThereAreNone() {
        List<Attachment> files = List.of(new Attachment("floor.jpg", "image/jpeg", 1_843_377,
                "3b8e2f1d9c7a6b5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e"),
                new Attachment(null, "multipart/related", 0, null));
        ComplaintReceived plain = received("email", Severity.LOW, List.of(), "en");
        ComplaintReceived withFiles = new ComplaintReceived(plain.complaintId(), plain.reference(), "email",
                plain.customer(), plain.subject(), plain.body(), plain.severity(), plain.reasons(), plain.receivedAt(),
                plain.expectedResponseBy(), false, null, "en", plain.classification(), null, null, files);
        ComplaintMessageAdded added = new ComplaintMessageAdded("c-1", "TK-000042", "cu-1", "m-1", "email",
                "Photo attached", AT, files);

        JsonNode json = mapper.valueToTree(withFiles);
        assertThat(validate(schema("complaints.received.schema.json"), withFiles)).isEmpty();
        assertThat(validate(schema("complaints.message-added.schema.json"), added)).isEmpty();
        assertThat(json.path("attachments").get(0).path("name").asText()).isEqualTo("floor.jpg");
        assertThat(json.path("attachments").get(0).path("size").asLong()).isEqualTo(1_843_377L);
        assertThat(json.path("attachments").get(1).path("sha256").isNull()).isTrue();
        assertThat(mapper.valueToTree(added).path("attachments")).hasSize(2);
        assertThat(mapper.valueToTree(plain).has("attachments")).isFalse();
    }

    @Test
    void anAttachmentWithAMalformedDigestBreaksTheContract() {
        ComplaintMessageAdded added = new ComplaintMessageAdded("c-1", "TK-000042", "cu-1", "m-1", "email",
                "Photo attached", AT, List.of(new Attachment("a.jpg", "image/jpeg", 10, "not-a-digest")));

        assertThat(validate(schema("complaints.message-added.schema.json"), added)).isNotEmpty();
    }

    private static ComplaintReceived withClassification(ComplaintReceived e, Classification classification) {
        return new ComplaintReceived(e.complaintId(), e.reference(), e.channel(), e.customer(), e.subject(), e.body(),
                e.severity(), e.reasons(), e.receivedAt(), e.expectedResponseBy(), e.publicPost(), e.reach(),
                e.language(), classification);
    }

    @Test
    void messageAddedValidatesForEveryChannel() {
        JsonSchema schema = schema("complaints.message-added.schema.json");
        for (ComplaintChannel channel : ComplaintChannel.values()) {
            assertThat(validate(schema, new ComplaintMessageAdded("c-1", "TK-000042", "cu-1", "m-1", channel.wire(),
                    "Still broken", AT, List.of()))).as(channel.wire()).isEmpty();
        }
    }

    @Test
    void socialReplyValidatesForEveryVisibilityAndLanguage() {
        JsonSchema schema = schema("social.replies.schema.json");
        for (SocialReplyRequested.Visibility visibility : SocialReplyRequested.Visibility.values()) {
            // acknowledgements on a network are written in Hebrew or English only
            for (String language : List.of("he", "en")) {
                assertThat(validate(schema, new SocialReplyRequested("c-1", "TK-000042", "cu-1", "x", visibility,
                        null, "12345", "dana", "1800000000000000000", "1800000000000000000", language, "Thanks", AT)))
                        .as(visibility + "/" + language).isEmpty();
            }
        }
    }

    @Test
    void refusesAValueTheCodeDoesNotSend() {
        JsonSchema schema = schema("complaints.received.schema.json");
        // routing once listened for this singular spelling; intake sends REPEAT_COMPLAINTS
        ComplaintReceived wrongSignal = received("web", Severity.HIGH,
                List.of(new SeverityReason("REPEAT_COMPLAINT", Severity.HIGH, "2 earlier")), "en");

        assertThat(validate(schema, wrongSignal)).isNotEmpty();
        assertThat(validate(schema, received("fax", Severity.LOW, List.of(), "en"))).isNotEmpty();
        assertThat(validate(schema, received("web", Severity.LOW, List.of(), "fr"))).isNotEmpty();
    }

    @Test
    void theUrgentLaneExampleHonoursTheComplaintsReceivedContract() {
        JsonNode example = resource(mapper, "complaints.received.urgent.example.json");

        assertThat(schema("complaints.received.schema.json").validate(example)).isEmpty();
        assertThat(example.path("severity").asText()).isIn("HIGH", "CRITICAL");
    }

    @Test
    void everyPublishedExampleValidates() {
        for (String type : List.of("complaints.received", "complaints.message-added", "social.replies")) {
            JsonNode example = resource(mapper, type + ".example.json");
            assertThat(schema(type + ".schema.json").validate(example)).as(type).isEmpty();
        }
        JsonNode email = resource(mapper, "complaints.received.email.example.json");
        assertThat(schema("complaints.received.schema.json").validate(email)).isEmpty();
        assertThat(email.path("attachments")).isNotEmpty();
    }

    @Test
    void theProbeExampleHonoursTheContractAndSaysItIsAProbe() {
        JsonNode example = resource(mapper, "complaints.received.probe.example.json");

        assertThat(schema("complaints.received.schema.json").validate(example)).isEmpty();
        assertThat(example.path("probe").asBoolean()).isTrue();
        assertThat(Instant.parse(example.path("probeSentAt").asText()))
                .isBefore(Instant.parse(example.path("receivedAt").asText()));
    }

    @Test
    void aProbeEventCarriesProbeAndItsSendTimeWhileACustomersCarriesNeither() {
        ComplaintReceived customers = received("web", Severity.LOW, List.of(), "en");
        ComplaintReceived probe = new ComplaintReceived(customers.complaintId(), customers.reference(), "webhook",
                customers.customer(), customers.subject(), customers.body(), customers.severity(), customers.reasons(),
                customers.receivedAt(), customers.expectedResponseBy(), false, null, "en", customers.classification(),
                true, AT.minusMillis(250), List.of());

        JsonNode probeJson = mapper.valueToTree(probe);
        JsonNode customerJson = mapper.valueToTree(customers);

        assertThat(validate(schema("complaints.received.schema.json"), probe)).isEmpty();
        assertThat(probeJson.path("probe").asBoolean()).isTrue();
        assertThat(Instant.parse(probeJson.path("probeSentAt").asText())).isEqualTo(AT.minusMillis(250));
        assertThat(customerJson.has("probe")).isFalse();
        assertThat(customerJson.has("probeSentAt")).isFalse();
    }
}
