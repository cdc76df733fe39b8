package io.tikun.followup.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.followup.ProducerContracts;

/**
 * The handling facts the churn and return reports read: intake's classification category, and routing's level and the
 * optional category, rootCause, productId and firstResponseWithinSla of {@code cases.updated} (fixture
 * fixtures/cases.updated.handling.json until routing's example carries them).
 */
class HandlingFieldsContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheOptionalHandlingFieldsOfACaseChange() throws Exception {
        CaseUpdated update;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/cases.updated.handling.json")) {
            update = mapper.readValue(in, CaseUpdated.class);
        }

        assertThat(update.level()).isEqualTo(CaseLevel.TEAM_LEAD);
        assertThat(update.category()).isEqualTo("billing");
        assertThat(update.rootCause()).isEqualTo("double_charge");
        assertThat(update.productId()).isNull();
        assertThat(update.firstResponseWithinSla()).isFalse();
    }

    @Test
    void aCaseChangeWithoutTheOptionalFieldsLeavesThemNull() throws Exception {
        CaseUpdated update = mapper.readValue(ProducerContracts.examples("routing-service", "cases.updated").get(0),
                CaseUpdated.class);

        assertThat(update.level()).isNotNull();
        assertThat(update.firstResponseWithinSla()).isNull();
        assertThat(update.rootCause()).isNull();
    }

    @Test
    void takesTheCategoryFromIntakesClassification() throws Exception {
        for (String example : ProducerContracts.examples("intake-service", "complaints.received")) {
            ObjectNode event = (ObjectNode) mapper.readTree(example);
            ComplaintReceived received = mapper.treeToValue(event, ComplaintReceived.class);
            assertThat(received.category()).isEqualTo(event.path("classification").path("category").asText());
        }
    }

    @Test
    void aComplaintWithoutClassificationHasNoCategory() throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(
                ProducerContracts.examples("intake-service", "complaints.received").get(0));
        event.remove("classification");

        assertThat(mapper.treeToValue(event, ComplaintReceived.class).category()).isNull();
    }

    @Test
    void theHigherLevelWins() {
        assertThat(CaseLevel.higher(CaseLevel.SERVICE_MANAGER, CaseLevel.TEAM_LEAD)).isEqualTo(CaseLevel.SERVICE_MANAGER);
        assertThat(CaseLevel.higher(null, CaseLevel.FRONTLINE)).isEqualTo(CaseLevel.FRONTLINE);
        assertThat(CaseLevel.higher(CaseLevel.MANAGER_CALLBACK, null)).isEqualTo(CaseLevel.MANAGER_CALLBACK);
    }
}
