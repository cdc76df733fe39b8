package io.tikun.followup.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import io.tikun.followup.ProducerContracts;
import io.tikun.followup.csat.SurveyComposer;
import io.tikun.followup.csat.ThankYouComposer;
import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.CustomerRequestComposer;

/**
 * Follow-up against intake's contracts of the channel gateway: every request it can write (each kind it sends, in
 * each language) validates against {@code customer.messages.requested.schema.json}, and every example and every enum
 * value of {@code customer.messages.status} reads as the status the consumer applies.
 */
class CustomerMessageContractsTest {

    private static final String INTAKE = "intake-service";
    private static final URI CONFIRM = URI.create("http://127.0.0.1:8083/verify?token=confirm-token");
    private static final URI DENY = URI.create("http://127.0.0.1:8083/verify?token=deny-token");
    private static final URI SURVEY = URI.create("http://127.0.0.1:8083/csat?token=survey-token");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CustomerTexts texts = new CustomerTexts(Optional.empty());

    private static JsonSchema validator(JsonNode schema) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    /** Every message follow-up sends, as its senders write it. */
    private List<CustomerMessageRequested> everyRequest(CustomerLanguage language) {
        UUID commitment = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        CustomerMessageRequests.Target promise = new CustomerMessageRequests.Target(commitment, caseId, "cmp-1",
                "cust-1", "TK-000042");
        CustomerMessageRequests.Target closedCase = new CustomerMessageRequests.Target(null, caseId, "cmp-1", "cust-1",
                "TK-000042");
        CustomerRequestComposer.Request question = new CustomerRequestComposer.Request("TK-000042", "Dana Levi",
                "A technician replaces the heater", CONFIRM, DENY, Duration.ofDays(14), language);
        CustomerRequestComposer questions = new CustomerRequestComposer(texts);
        Instant now = Instant.parse("2026-12-05T08:00:00.123456Z");
        return List.of(
                CustomerMessageRequested.of(CustomerMessageRequests.verifyId(commitment, 1), promise,
                        CustomerMessageKind.FOLLOW_UP, language, questions.compose(question), now),
                CustomerMessageRequested.of(CustomerMessageRequests.verifyReminderId(commitment, 1), promise,
                        CustomerMessageKind.FOLLOW_UP, language, questions.composeReminder(question), now),
                CustomerMessageRequested.of(CustomerMessageRequests.thankYouId(commitment), promise,
                        CustomerMessageKind.THANK_YOU, language, new ThankYouComposer(texts).compose(
                                new ThankYouComposer.ThankYou("TK-000042", null, "A new heater", language)),
                        now),
                CustomerMessageRequested.of(CustomerMessageRequests.surveyId(caseId), closedCase,
                        CustomerMessageKind.SURVEY, language, new SurveyComposer(texts).compose(
                                new SurveyComposer.Survey("TK-000042", "Dana Levi", SURVEY, Duration.ofDays(14),
                                        language)),
                        now));
    }

    @Test
    void everyRequestFollowupWritesValidatesAgainstIntakesSchemaInEveryLanguage() {
        JsonSchema schema = validator(ProducerContracts.schema(INTAKE, "customer.messages.requested"));
        for (CustomerLanguage language : CustomerLanguage.values()) {
            for (CustomerMessageRequested request : everyRequest(language)) {
                JsonNode written = mapper.valueToTree(request);
                assertThat(schema.validate(written)).as("%s in %s: %s", request.messageId(), language, written)
                        .isEmpty();
                assertThat(written.get("requestedBy").asText()).isEqualTo("followup-service");
                assertThat(written.get("automatic").asBoolean()).isTrue();
                assertThat(written.get("text").asText()).doesNotContain("{");
            }
        }
    }

    @Test
    void sendsFollowUpThankYouAndSurveyWithStableIds() {
        List<CustomerMessageRequested> requests = everyRequest(CustomerLanguage.ENGLISH);

        assertThat(requests).extracting(CustomerMessageRequested::kind).containsExactly(CustomerMessageKind.FOLLOW_UP,
                CustomerMessageKind.FOLLOW_UP, CustomerMessageKind.THANK_YOU, CustomerMessageKind.SURVEY);
        assertThat(requests).extracting(CustomerMessageRequested::messageId).allSatisfy(id -> assertThat(id)
                .matches("followup:(verify|verify-reminder):[0-9a-f-]{36}:1|followup:(thank-you|survey):[0-9a-f-]{36}"));
        // Every link is also written out in the text, for channels without buttons.
        requests.forEach(r -> r.links().forEach(link -> assertThat(r.text()).contains(link.url())));
    }

    @Test
    void theSchemaRefusesWhatFollowupMustNeverSend() {
        JsonSchema schema = validator(ProducerContracts.schema(INTAKE, "customer.messages.requested"));
        ObjectNode written = mapper.valueToTree(everyRequest(CustomerLanguage.HEBREW).get(0));

        assertThat(schema.validate(written.deepCopy().put("language", "iw"))).isNotEmpty();
        assertThat(schema.validate(written.deepCopy().put("kind", "VERIFY"))).isNotEmpty();
        assertThat(schema.validate(written.deepCopy().put("requestedBy", "followup"))).isNotEmpty();
    }

    @Test
    void theKindsAndLanguagesFollowupKnowsAreExactlyIntakes() {
        Map<String, List<String>> requested = ProducerContracts.enumFields(
                ProducerContracts.schema(INTAKE, "customer.messages.requested"));

        assertThat(requested.get("/kind")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CustomerMessageKind.values()).map(Enum::name).toList());
        assertThat(requested.get("/language")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CustomerLanguage.values()).map(CustomerLanguage::code).toList());
        assertThat(requested.get("/requestedBy")).contains(CustomerMessageRequested.REQUESTED_BY);
    }

    @Test
    void everyStatusExampleReadsAsTheStatusTheConsumerApplies() throws Exception {
        List<String> examples = ProducerContracts.examples(INTAKE, "customer.messages.status");
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);

        for (String example : examples) {
            CustomerMessageStatus status = mapper.readValue(example, CustomerMessageStatus.class);
            status.requireComplete();
            JsonNode json = mapper.readTree(example);
            assertThat(status.messageId()).isEqualTo(json.get("messageId").asText());
            assertThat(status.status().name()).isEqualTo(json.get("status").asText());
            assertThat(status.channel().name()).isEqualTo(json.get("channel").asText());
            assertThat(status.kind().name()).isEqualTo(json.get("kind").asText());
            assertThat(status.at()).isEqualTo(Instant.parse(json.get("at").asText()));
        }
        CustomerMessageStatus failed = mapper.readValue(
                ProducerContracts.examples(INTAKE, "customer.messages.status").stream()
                        .filter(e -> e.contains("\"FAILED\"")).findFirst().orElseThrow(),
                CustomerMessageStatus.class);
        assertThat(failed.reason()).contains("meta 400");
        // The examples are routing's messages: the consumer leaves them alone.
        assertThat(failed.requestedByFollowup()).isFalse();
    }

    @Test
    void everyEnumValueOfTheStatusSchemaParsesAndIsOneFollowupKnows() throws Exception {
        Map<String, List<String>> enums = ProducerContracts.enumFields(
                ProducerContracts.schema(INTAKE, "customer.messages.status"));
        // A null channel (a request for an unknown complaint) is no value to map; the enum lists it as JSON null.
        enums.replaceAll((field, values) -> values.stream().filter(value -> !"null".equals(value)).toList());
        assertThat(enums.get("/status")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CustomerMessageStatus.DeliveryStatus.values()).map(Enum::name).toList());
        assertThat(enums.get("/channel")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CustomerMessageStatus.Channel.values()).map(Enum::name).toList());
        assertThat(enums.get("/kind")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CustomerMessageKind.values()).map(Enum::name).toList());
        assertThat(enums.get("/requestedBy")).contains(CustomerMessageRequested.REQUESTED_BY);

        ObjectNode example = (ObjectNode) mapper.readTree(ProducerContracts.examples(INTAKE, "customer.messages.status")
                .get(0));
        for (Map.Entry<String, List<String>> field : enums.entrySet()) {
            String name = field.getKey().substring(1);
            for (String value : field.getValue()) {
                CustomerMessageStatus parsed = mapper.treeToValue(example.deepCopy().put(name, value),
                        CustomerMessageStatus.class);
                parsed.requireComplete();
                assertThat(mapper.valueToTree(parsed).get(name).asText()).as(name).isEqualTo(value);
            }
        }
    }
}
