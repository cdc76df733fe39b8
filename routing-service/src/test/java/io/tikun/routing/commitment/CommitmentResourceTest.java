package io.tikun.routing.commitment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.routing.CaseFixtures;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CommitmentResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    private static String managerToken() {
        return OidcWiremockTestResource.getAccessToken("mira", Set.of("manager"));
    }

    private String openCase() {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received",
                    CaseFixtures.complaintJson(complaintId, "TK-000321", "MEDIUM"));
        }
        return CaseFixtures.awaitCase(complaintId).getString("id");
    }

    private static String commitment(Instant dueAt) {
        return """
                {"what":"A technician replaces the heater on Tuesday","owner":"yossi","dueAt":"%s"}""".formatted(dueAt);
    }

    @Test
    void announcesACommitmentMadeOnACase() throws Exception {
        String caseId = openCase();
        Instant due = Instant.parse("2030-01-07T10:00:00Z");
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.made")) {
            String commitmentId = given().auth().oauth2(managerToken()).contentType(ContentType.JSON)
                    .body(commitment(due)).post("/api/v1/cases/" + caseId + "/commitments")
                    .then().statusCode(202)
                    .body("caseId", equalTo(caseId))
                    .body("madeBy", equalTo("mira"))
                    .extract().path("commitmentId");

            ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(commitmentId), WAIT);
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.path("what").asText()).isEqualTo("A technician replaces the heater on Tuesday");
            assertThat(Instant.parse(event.path("dueAt").asText())).isEqualTo(due);
            assertThat(event.path("customer").path("name").asText()).isEqualTo("Dana Levi");
            assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("tikun.commitment.made");
            assertThat(KafkaTopicReader.header(record, "ce_id")).isNotBlank();
            assertThat(record.key()).isEqualTo(event.path("customer").path("id").asText());
        }
    }

    @Test
    void refusesACommitmentDueInThePast() {
        given().auth().oauth2(managerToken()).contentType(ContentType.JSON)
                .body(commitment(Instant.now().minusSeconds(60)))
                .post("/api/v1/cases/" + UUID.randomUUID() + "/commitments")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItems("dueAt"));
    }

    @Test
    void answersACommitmentOnAnUnknownCaseWithNotFound() {
        given().auth().oauth2(managerToken()).contentType(ContentType.JSON)
                .body(commitment(Instant.now().plusSeconds(3600)))
                .post("/api/v1/cases/" + UUID.randomUUID() + "/commitments")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesChannelTokensAndAnonymousCallers() {
        String path = "/api/v1/cases/" + UUID.randomUUID() + "/commitments";
        given().contentType(ContentType.JSON).body(commitment(Instant.now().plusSeconds(60))).post(path)
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web", Set.of("channel")))
                .contentType(ContentType.JSON).body(commitment(Instant.now().plusSeconds(60))).post(path)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void answersAMalformedCaseIdWithAProblem() {
        given().auth().oauth2(managerToken()).get("/api/v1/cases/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
