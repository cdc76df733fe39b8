package io.tikun.routing.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.routing.ProducerSchema;
import io.tikun.routing.conversation.CustomerTexts;
import io.tikun.routing.escalation.Severity;
import io.tikun.stack.testing.Contracts;

/**
 * Routing reads every value intake's contract allows: the enumerations are taken from intake's schema at test time,
 * so a value intake renames or adds fails routing's build here instead of being dropped in production.
 */
class IntakeContractTest {

    private static final String SEVERITY = "/properties/severity";
    private static final String CHANNEL = "/properties/channel";
    private static final String IMPLIES = "/properties/reasons/items/properties/implies";
    private static final String SIGNAL = "/properties/reasons/items/properties/signal";
    /** The complaint's language: routing writes to the customer in it (he, en, ar, ru), else in Hebrew. */
    private static final String LANGUAGE = "/properties/language";
    private static final Pattern SIGNAL_NAME = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ProducerSchema received = ProducerSchema.read("intake-service", "complaints.received.schema.json");

    @Test
    void everyEnumeratedFieldOfComplaintsReceivedIsOneRoutingReads() {
        assertThat(received.enums().keySet()).as("enumerated fields routing has decided how to read")
                .isSubsetOf(Set.of(SEVERITY, CHANNEL, IMPLIES, SIGNAL, LANGUAGE));
    }

    @Test
    void everyLanguageRoutingWritesInIsOneIntakeDetectsAndTheOthersGetHebrew() {
        List<String> intakes = received.enums().get(LANGUAGE);
        assertThat(intakes).containsAll(CustomerTexts.LANGUAGES);
        for (String language : intakes) {
            assertThat(CustomerTexts.languageOf(language)).as(language)
                    .isEqualTo(CustomerTexts.LANGUAGES.contains(language) ? language : "he");
        }
    }

    @Test
    void everySeverityIntakeSendsIsARoutingSeverity() {
        for (String pointer : List.of(SEVERITY, IMPLIES)) {
            List<String> values = received.enums().get(pointer);
            assertThat(values).as(pointer).isNotEmpty();
            values.forEach(v -> assertThat(mapper.convertValue(TextNode.valueOf(v), Severity.class).name()).isEqualTo(v));
            assertThat(values).as("routing's severities, all sent by intake")
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(Severity.values()).map(Enum::name).toList());
        }
    }

    @Test
    void everySignalIntakeNamesIsASignalRoutingKnowsAndTheRepeatSignalIsAmongThem() {
        List<String> intakes = signals();
        assertThat(intakes).contains(Signal.REPEAT_COMPLAINTS.name());
        assertThat(intakes).allSatisfy(v -> assertThat(Signal.of(v)).as(v).isNotEqualTo(Signal.OTHER));
        assertThat(Arrays.stream(Signal.values()).filter(s -> s != Signal.OTHER).map(Enum::name))
                .as("routing knows no signal intake never sends").containsExactlyInAnyOrderElementsOf(intakes);
    }

    @Test
    void aComplaintWithEachEnumeratedValueIntakeSendsParses() throws Exception {
        JsonNode example = mapper.readTree(Contracts.read("intake-service", "complaints.received.example.json"));
        for (String channel : received.enums().get(CHANNEL)) {
            for (String signal : signals()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("channel", channel);
                ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("reasons").get(0)).put("signal", signal);
                ComplaintReceived event = mapper.treeToValue(example, ComplaintReceived.class);
                event.requireComplete();
                assertThat(event.channel()).isEqualTo(channel);
                assertThat(event.reasons().get(0).kind()).isEqualTo(Signal.of(signal)).isNotEqualTo(Signal.OTHER);
                assertThat(event.saysRepeat()).isEqualTo(signal.equals(Signal.REPEAT_COMPLAINTS.name()));
            }
        }
    }

    @Test
    void readsEveryExampleIntakePublishesForRouting() throws Exception {
        ComplaintReceived complaint = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.example.json"), ComplaintReceived.class);
        complaint.requireComplete();
        assertThat(complaint.reasons()).extracting(ComplaintReceived.Reason::kind)
                .containsExactly(Signal.LEGAL_THREAT, Signal.SAFETY);

        ComplaintReceived email = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.email.example.json"), ComplaintReceived.class);
        email.requireComplete();
        assertThat(email.attachedFiles()).extracting(Attachment::name, Attachment::type, Attachment::size)
                .containsExactly(tuple("floor.jpg", "image/jpeg", 1_843_377L),
                        tuple("חשבונית תיקון.pdf", "application/pdf", 48_210L),
                        tuple(null, "application/octet-stream", 0L));
        assertThat(complaint.attachedFiles()).as("a web complaint has none").isEmpty();

        JsonNode added = mapper.readTree(Contracts.read("intake-service", "complaints.message-added.example.json"));
        MessageAdded message = mapper.treeToValue(added, MessageAdded.class);
        message.requireComplete();
        Map<String, List<String>> addedEnums = ProducerSchema.read("intake-service", "complaints.message-added.schema.json")
                .enums();
        assertThat(addedEnums.keySet()).as("message-added's enumerated fields routing has decided how to read")
                .isSubsetOf(Set.of(CHANNEL));
        for (String channel : addedEnums.getOrDefault(CHANNEL, List.of())) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) added).put("channel", channel);
            assertThat(mapper.treeToValue(added, MessageAdded.class).channel()).isEqualTo(channel);
        }
    }

    /**
     * Intake's signal names: the schema's {@code enum} once intake declares one (issue 15 asks it to); until then the
     * names its schema lists in the field's description, which intake keeps with its severity judge.
     */
    private List<String> signals() {
        Map<String, List<String>> enums = received.enums();
        if (enums.containsKey(SIGNAL)) {
            return enums.get(SIGNAL);
        }
        Matcher names = SIGNAL_NAME.matcher(received.at(SIGNAL + "/description").asText());
        List<String> found = names.results().map(m -> m.group()).distinct().toList();
        assertThat(found).as("intake's schema names its signals").isNotEmpty();
        return found;
    }
}
