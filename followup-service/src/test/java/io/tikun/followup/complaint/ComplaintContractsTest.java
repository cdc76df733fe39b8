package io.tikun.followup.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.stack.testing.Contracts;

class ComplaintContractsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheComplaintExampleIntakePublishes() throws Exception {
        ComplaintReceived received = mapper.readValue(Contracts.read("intake-service", "complaints.received.example.json"),
                ComplaintReceived.class);

        received.requireComplete();
        assertThat(received.reference()).isEqualTo("TK-000042");
        assertThat(received.customer().id()).isEqualTo("8d2e6a5b-1c3f-4e7a-9b0d-6f4c2a1e8b37");
        assertThat(received.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(received.receivedAt()).isEqualTo(Instant.parse("2026-11-23T08:15:30.123Z"));
        // The example's signals are a legal threat and safety, not churn intent.
        assertThat(received.churnIntent()).isFalse();
        assertThat(received.languageCode()).isEqualTo("he");
    }

    @Test
    void readsIntakesProbeExampleAsAProbeAndACustomersAsNone() throws Exception {
        ComplaintReceived probe = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.probe.example.json"), ComplaintReceived.class);
        ComplaintReceived customers = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.example.json"), ComplaintReceived.class);

        probe.requireComplete();
        assertThat(probe.isProbe()).isTrue();
        assertThat(CustomerComplaint.of(probe).probe).isTrue();
        assertThat(customers.isProbe()).isFalse();
        assertThat(CustomerComplaint.of(customers).probe).isFalse();
    }

    @Test
    void readsTheEmailExampleWithAttachmentsWhichFollowUpDoesNotNeed() throws Exception {
        ComplaintReceived received = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.email.example.json"), ComplaintReceived.class);

        received.requireComplete();
        assertThat(received.reference()).isEqualTo("TK-000057");
        assertThat(received.customer().id()).isEqualTo("2c8f4e1a-6d3b-4a97-b0e5-1f7c9a2d6e43");
        assertThat(received.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(received.languageCode()).isEqualTo("en");
        assertThat(CustomerComplaint.of(received).probe).isFalse();
    }

    @Test
    void readsTheUrgentLaneExampleIntakePublishes() throws Exception {
        ComplaintReceived received = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.urgent.example.json"), ComplaintReceived.class);

        received.requireComplete();
        assertThat(received.severity()).isEqualTo(Severity.HIGH);
        assertThat(received.churnIntent()).isFalse();
        assertThat(received.languageCode()).isEqualTo("en");
    }

    @Test
    void keepsIntakesLanguageCodeAndDropsWhatIsNoLanguageCode() throws Exception {
        ObjectNode example = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "complaints.received.example.json"));

        assertThat(mapper.treeToValue(example.put("language", "und"), ComplaintReceived.class).languageCode())
                .isEqualTo(ComplaintReceived.UNDETERMINED_LANGUAGE);
        assertThat(mapper.treeToValue(example.put("language", " EN "), ComplaintReceived.class).languageCode())
                .isEqualTo("en");
        assertThat(mapper.treeToValue(example.put("language", "hebrew"), ComplaintReceived.class).languageCode())
                .isNull();
        example.remove("language");
        ComplaintReceived older = mapper.treeToValue(example, ComplaintReceived.class);
        older.requireComplete();
        assertThat(older.languageCode()).isNull();
    }

    @Test
    void recognisesChurnIntentAmongTheSeverityReasons() throws Exception {
        ObjectNode example = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "complaints.received.example.json"));
        ((ArrayNode) example.get("reasons")).addObject()
                .put("signal", "CHURN_INTENT").put("implies", "HIGH").put("evidence", "עוזב");

        assertThat(mapper.treeToValue(example, ComplaintReceived.class).churnIntent()).isTrue();
    }

    @Test
    void readsTheCaseExampleRoutingPublishes() throws Exception {
        CaseUpdated update = mapper.readValue(Contracts.read("routing-service", "cases.updated.example.json"),
                CaseUpdated.class);

        update.requireComplete();
        assertThat(update.caseId()).isEqualTo(UUID.fromString("0b6f7c1e-2d4a-4f8b-9c3e-5a1d2e3f4b5c"));
        assertThat(update.complaintId()).isEqualTo("5f1c0f9e-3a57-4c41-9d7e-2b0a8f4e6c11");
        assertThat(update.change()).isEqualTo(CaseChange.OPENED);
        assertThat(update.resolved()).isFalse();
    }

    @Test
    void readsTheResolvedCaseExampleWithRoutingsOptionalResolutionFields() throws Exception {
        // routing's resolved example carries category, rootCause, productId and firstResponseWithinSla (optional
        // properties follow-up does not need): they must not stop follow-up from reading the event.
        CaseUpdated update = mapper.readValue(Contracts.read("routing-service", "cases.updated.resolved.example.json"),
                CaseUpdated.class);

        update.requireComplete();
        assertThat(update.resolved()).isTrue();
        assertThat(update.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(mapper.readTree(Contracts.read("routing-service", "cases.updated.resolved.example.json"))
                .get("rootCause").asText()).isEqualTo("supplier-delay");
    }

    @Test
    void refusesEventsWithoutTheirRequiredFields() throws Exception {
        CaseUpdated update = mapper.readValue("{\"caseId\":\"0b6f7c1e-2d4a-4f8b-9c3e-5a1d2e3f4b5c\",\"change\":\"resolved\"}",
                CaseUpdated.class);
        ComplaintReceived received = mapper.readValue("{\"complaintId\":\"c-1\",\"reasons\":[]}",
                ComplaintReceived.class);

        assertThatThrownBy(update::requireComplete).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(received::requireComplete).isInstanceOf(IllegalArgumentException.class);
    }
}
