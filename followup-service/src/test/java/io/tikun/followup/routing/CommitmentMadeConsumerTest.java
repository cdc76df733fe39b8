package io.tikun.followup.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CommitmentMadeConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String agentToken() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    private static String commitmentJson(UUID commitmentId, UUID caseId, Instant dueAt) {
        return """
                {"commitmentId":"%s","caseId":"%s","complaintId":"cmp-1","reference":"TK-000042",
                 "customer":{"id":"cust-1","name":"דנה לוי","email":"dana@example.co.il","phone":"+972521234567"},
                 "what":"טכנאי יחליף את המזגן ביום שלישי","owner":"yossi","dueAt":"%s",
                 "madeBy":"manager","madeAt":"%s"}""".formatted(commitmentId, caseId, dueAt, Instant.now());
    }

    private void publish(String eventId, UUID commitmentId, UUID caseId, Instant dueAt) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("commitments.made", "cust-1", eventId, "tikun.commitment.made",
                    commitmentJson(commitmentId, caseId, dueAt));
        }
    }

    private static List<?> awaitCommitments(UUID caseId, int count) {
        return await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken()).queryParam("caseId", caseId)
                .get("/api/v1/commitments").then().statusCode(200).extract().jsonPath().getList("$"),
                list -> list.size() == count);
    }

    @Test
    void tracksAPromiseAnnouncedByRoutingAsOpenWithItsHistory() {
        UUID caseId = UUID.randomUUID();
        UUID commitmentId = UUID.randomUUID();
        Instant due = Instant.parse("2030-01-07T10:00:00Z");
        publish(UUID.randomUUID().toString(), commitmentId, caseId, due);

        awaitCommitments(caseId, 1);
        JsonPath commitment = given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + commitmentId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(commitment.getString("status")).isEqualTo("OPEN");
        assertThat(commitment.getString("what")).isEqualTo("טכנאי יחליף את המזגן ביום שלישי");
        assertThat(Instant.parse(commitment.getString("dueAt"))).isEqualTo(due);
        assertThat(commitment.getString("history[0].to")).isEqualTo("OPEN");
        assertThat(commitment.getString("history[0].actor")).isEqualTo("manager");
    }

    @Test
    void tracksARedeliveredPromiseOnce() {
        UUID caseId = UUID.randomUUID();
        UUID commitmentId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Instant due = Instant.now().plusSeconds(86_400);
        publish(eventId, commitmentId, caseId, due);
        publish(eventId, commitmentId, caseId, due);
        publish(UUID.randomUUID().toString(), commitmentId, caseId, due);
        UUID marker = UUID.randomUUID();
        // A later promise on the same case: once it is there, the redeliveries before it were processed.
        publish(UUID.randomUUID().toString(), marker, caseId, due.plusSeconds(60));

        awaitCommitments(caseId, 2);
        given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + commitmentId)
                .then().statusCode(200).body("history.size()", equalTo(1));
    }

    @Test
    void deadLettersAnUnreadableEventWithItsRawPayload() {
        String garbage = "[\"not a commitment\", \"" + UUID.randomUUID() + "\"]";
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, "commitments.made.dlq");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("commitments.made", "k", UUID.randomUUID().toString(), "tikun.commitment.made", garbage);

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("unreadable");
        }
    }

    @Test
    void refusesAMalformedCaseIdNamingIt() {
        given().auth().oauth2(agentToken()).get("/api/v1/commitments?caseId=not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItems("caseId"));
    }

    @Test
    void answersAnUnknownCommitmentWithNotFound() {
        given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesAnonymousAndChannelCallers() {
        given().get("/api/v1/commitments?caseId=" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web", Set.of("channel")))
                .get("/api/v1/commitments?caseId=" + UUID.randomUUID()).then().statusCode(403).contentType(PROBLEM);
    }
}
