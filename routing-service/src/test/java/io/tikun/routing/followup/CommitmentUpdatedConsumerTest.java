package io.tikun.routing.followup;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CommitmentUpdatedConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String openCase() {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, randomReference(), "MEDIUM"));
        }
        return awaitCase(complaintId).getString("id");
    }

    /** Follow-up's event for {@code change}, with the status follow-up gives the commitment after it. */
    private void report(String eventId, String caseId, CommitmentChange change, CommitmentStatus status, String reason) {
        String json = """
                {"commitmentId":"%s","caseId":"%s","complaintId":"c","reference":"TK-000042","customerId":"cust",
                 "change":"%s","status":"%s","actor":"customer","reason":"%s","dueAt":"%s","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), caseId, change.wire(), status, reason, Instant.now(), Instant.now());
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("commitments.updated", "cust", eventId, "tikun.commitment." + change.wire(), json);
        }
    }

    private static JsonPath caseView(String id) {
        return given().auth().oauth2(agentToken()).get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sendsTheCaseUpOneRungOnceWhenTheCustomerDisputesTheFix() {
        String caseId = openCase();
        String eventId = UUID.randomUUID().toString();
        report(eventId, caseId, CommitmentChange.DISPUTED, CommitmentStatus.DISPUTED, "still no hot water");
        report(eventId, caseId, CommitmentChange.DISPUTED, CommitmentStatus.DISPUTED, "still no hot water");

        await().atMost(WAIT).until(() -> "TEAM_LEAD".equals(caseView(caseId).getString("level")));
        // A later claimed-done is no reason to escalate; once it is processed, the duplicate was too.
        report(UUID.randomUUID().toString(), caseId, CommitmentChange.CLAIMED_DONE, CommitmentStatus.CLAIMED_DONE, "fixed");
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            JsonPath view = caseView(caseId);
            assertThat(view.getString("level")).isEqualTo("TEAM_LEAD");
            assertThat(view.getList("escalations.reason", String.class)).filteredOn(r -> r.contains("disputed"))
                    .containsExactly("promise disputed: still no hot water");
        });
    }

    @Test
    void readsTheExampleFollowUpPublishes() throws Exception {
        CommitmentUpdated update = new ObjectMapper().registerModule(new JavaTimeModule())
                .readValue(Contracts.read("followup-service", "commitments.updated.example.json"), CommitmentUpdated.class);

        update.requireComplete();
        assertThat(update.change()).isEqualTo(CommitmentChange.CLAIMED_DONE);
        assertThat(update.escalates()).isFalse();
    }
}
