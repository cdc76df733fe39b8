package io.tikun.followup.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.followup.ProducerContracts;

/**
 * Every value routing and intake declare for a field follow-up reads maps onto follow-up's own enum, read from the
 * producers' schemas at test time: a value a producer adds, renames or drops fails this build, not a consumer at
 * night. Every example they publish parses.
 */
class ConsumedEnumsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    private static <E extends Enum<E>> List<String> wireNames(Class<E> type, Function<E, String> wireName) {
        return Arrays.stream(type.getEnumConstants()).map(wireName).toList();
    }

    private ObjectNode example(String producer, String event) throws Exception {
        return (ObjectNode) mapper.readTree(ProducerContracts.examples(producer, event).get(0));
    }

    @Test
    void everyCaseChangeAndStatusRoutingDeclaresIsOneFollowupReads() throws Exception {
        Map<String, List<String>> declared = ProducerContracts.enumFields(
                ProducerContracts.schema("routing-service", "cases.updated"));

        // Severity is not read; the fields follow-up reads must match exactly.
        assertThat(declared.get("/change")).containsExactlyInAnyOrderElementsOf(
                wireNames(CaseChange.class, CaseChange::wireName));
        assertThat(declared.get("/status")).containsExactlyInAnyOrderElementsOf(
                wireNames(CaseStatus.class, Enum::name));
        assertThat(declared.get("/level")).containsExactlyInAnyOrderElementsOf(wireNames(CaseLevel.class, Enum::name));
        for (String level : declared.get("/level")) {
            CaseUpdated update = mapper.treeToValue(example("routing-service", "cases.updated").put("level", level),
                    CaseUpdated.class);
            assertThat(update.level().name()).isEqualTo(level);
        }
        for (String change : declared.get("/change")) {
            CaseUpdated update = mapper.treeToValue(example("routing-service", "cases.updated").put("change", change),
                    CaseUpdated.class);
            assertThat(update.change().wireName()).isEqualTo(change);
        }
        for (String status : declared.get("/status")) {
            CaseUpdated update = mapper.treeToValue(example("routing-service", "cases.updated").put("status", status),
                    CaseUpdated.class);
            assertThat(update.status().name()).isEqualTo(status);
        }
    }

    @Test
    void everyChannelAndSeverityIntakeDeclaresIsOneFollowupReads() throws Exception {
        Map<String, List<String>> declared = ProducerContracts.enumFields(
                ProducerContracts.schema("intake-service", "complaints.received"));

        assertThat(declared.get("/channel")).containsExactlyInAnyOrderElementsOf(
                wireNames(ComplaintChannel.class, ComplaintChannel::wireName));
        assertThat(declared.get("/severity")).containsExactlyInAnyOrderElementsOf(wireNames(Severity.class, Enum::name));
        assertThat(declared.get("/reasons/items/implies"))
                .containsExactlyInAnyOrderElementsOf(wireNames(Severity.class, Enum::name));
        for (String channel : declared.get("/channel")) {
            ComplaintReceived received = mapper.treeToValue(
                    example("intake-service", "complaints.received").put("channel", channel), ComplaintReceived.class);
            assertThat(received.channel().wireName()).isEqualTo(channel);
        }
        for (String severity : declared.get("/severity")) {
            ObjectNode event = example("intake-service", "complaints.received").put("severity", severity);
            ((ObjectNode) event.get("reasons").get(0)).put("implies", severity);
            ComplaintReceived received = mapper.treeToValue(event, ComplaintReceived.class);
            assertThat(received.severity().name()).isEqualTo(severity);
            assertThat(received.reasons().get(0).implies().name()).isEqualTo(severity);
        }
    }

    @Test
    void theChurnSignalFollowupListensForIsOneIntakeSends() throws Exception {
        List<String> signals = ProducerContracts.enumFields(
                ProducerContracts.schema("intake-service", "complaints.received")).get("/reasons/items/signal");

        if (signals != null) {
            assertThat(signals).contains(ComplaintReceived.CHURN_INTENT);
        } else {
            // Until intake's schema enumerates its signals, the lexicon intake judges by is the list: it must be there.
            assertThat(ProducerContracts.producerFile("intake-service", "src/main/resources/severity/lexicon.json"))
                    .containsPattern("\"code\"\\s*:\\s*\"" + ComplaintReceived.CHURN_INTENT + "\"");
        }
        ObjectNode event = example("intake-service", "complaints.received");
        ((ArrayNode) event.get("reasons")).addObject().put("signal", ComplaintReceived.CHURN_INTENT)
                .put("implies", "HIGH").put("evidence", "עוזב");
        assertThat(mapper.treeToValue(event, ComplaintReceived.class).churnIntent()).isTrue();
    }

    @Test
    void everyExampleRoutingAndIntakePublishParses() throws Exception {
        for (String json : ProducerContracts.examples("routing-service", "cases.updated")) {
            mapper.readValue(json, CaseUpdated.class).requireComplete();
        }
        for (String json : ProducerContracts.examples("intake-service", "complaints.received")) {
            mapper.readValue(json, ComplaintReceived.class).requireComplete();
        }
    }

    @Test
    void refusesAValueTheProducerNeverDeclared() {
        JsonNode renamed = mapper.createObjectNode().put("change", "resolved_case");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.treeToValue(renamed, CaseUpdated.class))
                .hasMessageContaining("resolved_case");
    }
}
