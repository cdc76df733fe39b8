package io.tikun.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.stack.testing.Contracts;

/** routing's cases.updated events and examples validate against its schema; the resolution's fields are optional. */
class CaseUpdatedContractTest {

    private static final String ROUTING = "routing-service";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static JsonSchema schema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Contracts.read(ROUTING, "cases.updated.schema.json"), config);
    }

    private static SupportCase resolvedCase() {
        SupportCase c = new SupportCase();
        c.id = UUID.randomUUID();
        c.complaintId = "5f1c0f9e-3a57-4c41-9d7e-2b0a8f4e6c11";
        c.reference = "TK-000042";
        c.customerId = "cust-1";
        c.severity = Severity.HIGH;
        c.level = EscalationLevel.TEAM_LEAD;
        c.status = CaseStatus.RESOLVED;
        c.category = "refund";
        c.classifiedCategory = "delivery";
        c.rootCause = "supplier-delay";
        c.productId = "oven";
        c.firstResponseDueAt = Instant.parse("2026-12-01T10:00:00Z");
        c.firstRespondedAt = Instant.parse("2026-12-01T10:00:01Z");
        return c;
    }

    @Test
    void everyExampleValidatesAndTheRequiredListIsUnchanged() throws Exception {
        JsonSchema schema = schema();
        for (String example : List.of("cases.updated.example.json", "cases.updated.resolved.example.json",
                "cases.updated.callback-scheduled.example.json")) {
            assertThat(schema.validate(mapper.readTree(Contracts.read(ROUTING, example)))).as(example).isEmpty();
        }
        JsonNode required = mapper.readTree(Contracts.read(ROUTING, "cases.updated.schema.json")).get("required");
        assertThat(required.toString()).doesNotContain("category", "rootCause", "productId", "firstResponseWithinSla");
    }

    @Test
    void aResolutionCarriesTheFinalCategoryRootCauseProductAndTheFirstResponseVerdict() {
        SupportCase c = resolvedCase();
        JsonNode resolved = mapper.valueToTree(CaseUpdated.of(c, CaseUpdated.RESOLVED, "resolved by bob", "Thanks",
                Instant.parse("2026-12-02T08:00:00Z")));

        assertThat(schema().validate(resolved)).isEmpty();
        assertThat(resolved.get("category").asText()).isEqualTo("refund");
        assertThat(resolved.get("rootCause").asText()).isEqualTo("supplier-delay");
        assertThat(resolved.get("productId").asText()).isEqualTo("oven");
        assertThat(resolved.get("firstResponseWithinSla").asBoolean()).isFalse();
    }

    @Test
    void otherChangesCarryNoRootCauseAndNoVerdictBeforeAFirstResponse() {
        SupportCase c = resolvedCase();
        c.status = CaseStatus.OPEN;
        c.firstRespondedAt = null;
        JsonNode reopened = mapper.valueToTree(CaseUpdated.of(c, CaseUpdated.REOPENED, "reopened", null,
                Instant.parse("2026-12-02T08:00:00Z")));

        assertThat(schema().validate(reopened)).isEmpty();
        assertThat(reopened.get("rootCause").isNull()).isTrue();
        assertThat(reopened.get("firstResponseWithinSla").isNull()).isTrue();
        assertThat(reopened.get("category").asText()).isEqualTo("refund");
    }
}
