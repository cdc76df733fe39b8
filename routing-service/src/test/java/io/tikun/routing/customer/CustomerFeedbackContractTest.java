package io.tikun.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.routing.ProducerSchema;
import io.tikun.stack.testing.Contracts;

/**
 * Routing reads follow-up's {@code customers.feedback} example and every kind and outcome its schema allows, taken from
 * follow-up's schema at test time.
 */
class CustomerFeedbackContractTest {

    private static final String KIND = "/properties/kind";
    private static final String CHURN = "/properties/churnOutcome";
    private static final String EXIT = "/properties/exitOutcome";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ProducerSchema schema = ProducerSchema.read("followup-service", "customers.feedback.schema.json");

    private List<String> values(String pointer) {
        // A nullable enum lists null among its values: it is no value a consumer maps.
        return schema.enums().get(pointer).stream().filter(v -> !"null".equals(v)).toList();
    }

    private ObjectNode example() throws Exception {
        return (ObjectNode) mapper.readTree(Contracts.read("followup-service", "customers.feedback.example.json"));
    }

    @Test
    void everyEnumeratedFieldIsOneRoutingReads() {
        assertThat(schema.enums().keySet()).containsExactlyInAnyOrder(KIND, CHURN, EXIT);
    }

    @Test
    void everyKindAndOutcomeFollowUpSendsIsKnownAndNoneIsMissing() {
        assertThat(Arrays.stream(FeedbackKind.values()).map(Enum::name)).containsExactlyInAnyOrderElementsOf(values(KIND));
        assertThat(Arrays.stream(ChurnOutcome.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(values(CHURN));
        assertThat(Arrays.stream(ExitOutcome.values()).map(Enum::name)).containsExactlyInAnyOrderElementsOf(values(EXIT));
        values(KIND).forEach(v -> assertThat(mapper.convertValue(TextNode.valueOf(v), FeedbackKind.class).name())
                .isEqualTo(v));
    }

    @Test
    void readsTheExampleFollowUpPublishes() throws Exception {
        CustomerFeedbackEvent event = mapper.treeToValue(example(), CustomerFeedbackEvent.class);
        event.requireComplete();
        assertThat(event.kind()).isEqualTo(FeedbackKind.CSAT_ANSWERED);
        assertThat(event.customerId()).isEqualTo("8d2e6a5b-1c3f-4e7a-9b0d-6f4c2a1e8b37");
        assertThat(event.caseId()).isEqualTo(UUID.fromString("0b6f7c1e-2d4a-4f8b-9c3e-5a1d2e3f4b5c"));
        assertThat(event.reference()).isEqualTo("TK-000042");
        assertThat(event.score()).isEqualTo(4);
        assertThat(event.comment()).isEqualTo("המזגן עובד, אבל לקח שבוע");
        assertThat(event.valueTier()).isEqualTo("gold");
        assertThat(event.occurredAt()).isNotNull();
    }

    @Test
    void readsTheExampleWithEveryKindAndOutcome() throws Exception {
        for (String churn : values(CHURN)) {
            ObjectNode node = example().put("kind", "CHURN_OUTCOME").put("churnOutcome", churn);
            node.putNull("score");
            CustomerFeedbackEvent event = mapper.treeToValue(node, CustomerFeedbackEvent.class);
            event.requireComplete();
            assertThat(event.churnOutcome().name()).isEqualTo(churn);
        }
        for (String exit : values(EXIT)) {
            ObjectNode node = example().put("kind", "EXIT_INTERVIEW_RECORDED").put("exitOutcome", exit)
                    .put("exitReason", "price");
            CustomerFeedbackEvent event = mapper.treeToValue(node, CustomerFeedbackEvent.class);
            event.requireComplete();
            assertThat(event.exitOutcome().name()).isEqualTo(exit);
        }
        ObjectNode opened = example().put("kind", "CHURN_WATCH_OPENED").put("churnOutcome", "UNKNOWN");
        mapper.treeToValue(opened, CustomerFeedbackEvent.class).requireComplete();
        assertThat(Set.copyOf(values(KIND))).hasSize(FeedbackKind.values().length);
    }

    @Test
    void refusesAnUnknownKindAndACsatAnswerWithoutAScore() throws Exception {
        assertThatThrownBy(() -> mapper.treeToValue(example().put("kind", "GOSSIP"), CustomerFeedbackEvent.class))
                .hasMessageContaining("GOSSIP");
        ObjectNode noScore = example();
        noScore.putNull("score");
        CustomerFeedbackEvent event = mapper.treeToValue(noScore, CustomerFeedbackEvent.class);
        assertThatThrownBy(event::requireComplete).hasMessageContaining("score");
    }
}
