package io.tikun.routing.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.routing.ProducerSchema;
import io.tikun.stack.testing.Contracts;

/**
 * Routing reads every change and status follow-up's {@code commitments.updated} contract allows, taken from follow-up's
 * schema at test time, and escalates exactly on the changes that mean a promise is not kept.
 */
class FollowupContractTest {

    private static final String CHANGE = "/properties/change";
    private static final String STATUS = "/properties/status";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ProducerSchema schema = ProducerSchema.read("followup-service", "commitments.updated.schema.json");

    @Test
    void everyEnumeratedFieldOfCommitmentsUpdatedIsOneRoutingReads() {
        assertThat(schema.enums().keySet()).isSubsetOf(Set.of(CHANGE, STATUS));
    }

    @Test
    void everyChangeFollowUpSendsIsACommitmentChangeAndNoneIsMissing() {
        List<String> changes = schema.enums().get(CHANGE);
        changes.forEach(v -> assertThat(mapper.convertValue(TextNode.valueOf(v), CommitmentChange.class).wire())
                .isEqualTo(v));
        assertThat(Arrays.stream(CommitmentChange.values()).map(CommitmentChange::wire))
                .containsExactlyInAnyOrderElementsOf(changes);
        assertThat(Arrays.stream(CommitmentChange.values()).filter(CommitmentChange::escalates))
                .containsExactlyInAnyOrder(CommitmentChange.OVERDUE, CommitmentChange.DISPUTED, CommitmentChange.BROKEN);
    }

    @Test
    void everyStatusFollowUpSendsIsACommitmentStatusAndNoneIsMissing() {
        List<String> statuses = schema.enums().get(STATUS);
        statuses.forEach(v -> assertThat(mapper.convertValue(TextNode.valueOf(v), CommitmentStatus.class).name())
                .isEqualTo(v));
        assertThat(Arrays.stream(CommitmentStatus.values()).map(Enum::name)).containsExactlyInAnyOrderElementsOf(statuses);
    }

    @Test
    void readsTheExampleFollowUpPublishesWithEachChange() throws Exception {
        ObjectNode example = (ObjectNode) mapper.readTree(Contracts.read("followup-service",
                "commitments.updated.example.json"));
        CommitmentUpdated asPublished = mapper.treeToValue(example, CommitmentUpdated.class);
        asPublished.requireComplete();
        assertThat(asPublished.change()).isEqualTo(CommitmentChange.CLAIMED_DONE);
        assertThat(asPublished.status()).isEqualTo(CommitmentStatus.CLAIMED_DONE);
        for (String change : schema.enums().get(CHANGE)) {
            CommitmentUpdated update = mapper.treeToValue(example.put("change", change), CommitmentUpdated.class);
            assertThat(update.escalates()).as(change).isEqualTo(Set.of("overdue", "disputed", "broken").contains(change));
        }
    }

    @Test
    void refusesAChangeFollowUpDoesNotSend() {
        assertThatThrownBy(() -> mapper.readValue("{\"commitmentId\":\"c3a1e2b4-5d6f-4a7b-8c9d-0e1f2a3b4c5d\","
                + "\"caseId\":\"0b6f7c1e-2d4a-4f8b-9c3e-5a1d2e3f4b5c\",\"change\":\"forgotten\"}", CommitmentUpdated.class))
                .hasMessageContaining("unknown commitment change forgotten");
    }
}
