package io.tikun.intake.enrichment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Routing's and follow-up's events, in their producers' contract shapes, enrich the customer timeline over real Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class TimelineEnrichmentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    private static String agent() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    /** A new web complaint: its id and its customer's id. */
    private static String[] complaint() {
        String id = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"timeline+" + UUID.randomUUID()
                        + "@example.com\"},\"subject\":\"Heater\",\"body\":\"The heater is broken\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
        String customerId = given().auth().oauth2(agent()).get("/api/v1/complaints/" + id).path("customer.id");
        return new String[] { id, customerId };
    }

    /** The producer's contract example, about this customer's complaint, at {@code occurredAt}. */
    private String example(String producer, String file, String complaintId, String customerId, Instant occurredAt)
            throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read(producer, file));
        event.put("complaintId", complaintId).put("customerId", customerId).put("occurredAt", occurredAt.toString());
        return mapper.writeValueAsString(event);
    }

    private static JsonPath timeline(String customerId) {
        return given().auth().oauth2(agent()).get("/api/v1/customers/" + customerId + "/timeline").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void showsCaseAndCommitmentChangesAmongTheComplaintsNewestFirstOncePerEventId() throws Exception {
        String[] complaint = complaint();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String caseEventId = UUID.randomUUID().toString();
        String commitmentEventId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            String opened = example("routing-service", "cases.updated.example.json", complaint[0], complaint[1],
                    now.plusSeconds(60));
            String claimed = example("followup-service", "commitments.updated.example.json", complaint[0], complaint[1],
                    now.plusSeconds(120));
            // at-least-once delivery: each event arrives twice
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send("cases.updated", complaint[1], caseEventId, "tikun.case.updated", opened);
                sender.send("commitments.updated", complaint[1], commitmentEventId, "tikun.commitment.updated", claimed);
            }
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(timeline(complaint[1]).getList("kind", String.class))
                .containsExactly("COMMITMENT", "CASE", "COMPLAINT"));
        JsonPath timeline = timeline(complaint[1]);
        assertThat(timeline.getString("[0].change")).isEqualTo("claimed-done");
        assertThat(timeline.getString("[0].status")).isEqualTo("CLAIMED_DONE");
        assertThat(timeline.getString("[0].actor")).isEqualTo("yossi.cohen");
        assertThat(timeline.getString("[0].text")).isEqualTo("המזגן הוחלף בחדש ביום שלישי");
        assertThat(timeline.getString("[0].dueAt")).isNotBlank();
        assertThat(timeline.getString("[1].change")).isEqualTo("opened");
        assertThat(timeline.getString("[1].severity")).isEqualTo("CRITICAL");
        assertThat(timeline.getString("[1].reference")).isEqualTo("TK-000042");
        assertThat(timeline.getList("complaintId", String.class)).containsOnly(complaint[0]);
        List<String> at = timeline.getList("at", String.class);
        assertThat(at).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void keepsEnrichmentOfAMergedDuplicateOnTheSurvivorsTimelineBeforeAndAfterTheMerge() throws Exception {
        String[] survivor = complaint();
        String[] duplicate = complaint();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("cases.updated", duplicate[1], UUID.randomUUID().toString(), "tikun.case.updated",
                    example("routing-service", "cases.updated.example.json", duplicate[0], duplicate[1],
                            now.plusSeconds(60)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(timeline(duplicate[1]).getList("kind", String.class))
                    .containsExactly("CASE", "COMPLAINT"));

            given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mira", Set.of("manager")))
                    .contentType(ContentType.JSON).body("{\"duplicateCustomerId\":\"" + duplicate[1] + "\"}")
                    .post("/api/v1/customers/" + survivor[1] + "/merge").then().statusCode(200);
            assertThat(timeline(survivor[1]).getList("kind", String.class))
                    .containsExactly("CASE", "COMPLAINT", "COMPLAINT");

            // routing still knows the duplicate's id for its open case
            sender.send("commitments.updated", duplicate[1], UUID.randomUUID().toString(), "tikun.commitment.updated",
                    example("followup-service", "commitments.updated.example.json", duplicate[0], duplicate[1],
                            now.plusSeconds(120)));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(timeline(survivor[1]).getList("kind", String.class))
                .containsExactly("COMMITMENT", "CASE", "COMPLAINT", "COMPLAINT"));
    }

    @Test
    void deadLettersEventsWithoutCloudEventIdOrWithUnreadableBodies() throws Exception {
        String[] complaint = complaint();
        String marker = UUID.randomUUID().toString();
        try (KafkaTopicReader casesDlq = new KafkaTopicReader(bootstrapServers, "cases.updated.dlq");
                KafkaTopicReader commitmentsDlq = new KafkaTopicReader(bootstrapServers, "commitments.updated.dlq");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.sendRaw("cases.updated", complaint[1], "{\"marker\":\"" + marker + "\"}");
            sender.send("commitments.updated", complaint[1], UUID.randomUUID().toString(), "tikun.commitment.updated",
                    "{\"customerId\":\"" + complaint[1] + "\",\"marker\":\"" + marker + "\"}");

            ConsumerRecord<String, String> noId = casesDlq.await(r -> r.value().contains(marker), WAIT);
            ConsumerRecord<String, String> incomplete = commitmentsDlq.await(r -> r.value().contains(marker), WAIT);
            assertThat(KafkaTopicReader.header(noId, "dead-letter-reason")).contains("ce_id");
            assertThat(KafkaTopicReader.header(incomplete, "dead-letter-reason")).contains("missing");
        }
        assertThat(timeline(complaint[1]).getList("kind", String.class)).containsExactly("COMPLAINT");
    }
}
