package io.tikun.intake.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTopicReader;

/** A mail server that refuses the address for good: the message is FAILED at once with the server's words. */
@QuarkusTest
@TestProfile(RefusingSmtpProfile.class)
class RefusedMailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void aPermanentRefusalIsAnnouncedFailedWithTheServersReasonAfterOneAttempt() throws Exception {
        String customer = "gone+" + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web", Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + customer
                        + "\"},\"subject\":\"Late delivery\",\"body\":\"My parcel is late.\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
        JsonPath complaint = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
        String messageId = "routing:reply:" + UUID.randomUUID();
        ObjectNode request = (ObjectNode) mapper.readTree(getClass().getResourceAsStream(
                "/contracts/customer.messages.requested.example.json"));
        request.put("messageId", messageId).put("complaintId", id).put("customerId", complaint.getString("customer.id"))
                .put("reference", complaint.getString("reference")).put("requestedAt", Instant.now().toString());

        try (CloudEventSender events = new CloudEventSender(bootstrapServers);
                KafkaTopicReader statuses = new KafkaTopicReader(bootstrapServers, CustomerMessageStatus.TOPIC)) {
            events.send(CustomerMessageRequest.TOPIC, complaint.getString("customer.id"), UUID.randomUUID().toString(),
                    CustomerMessageRequest.TYPE, mapper.writeValueAsString(request));

            ConsumerRecord<String, String> record = statuses.await(r -> r.value().contains(messageId), WAIT);
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.path("status").asText()).isEqualTo("FAILED");
            assertThat(event.path("channel").asText()).isEqualTo("email");
            assertThat(event.path("attempts").asInt()).isEqualTo(1);
            assertThat(event.path("reason").asText()).startsWith("smtp 550")
                    .contains("Recipient address rejected: User unknown");
            assertThat(KafkaTopicReader.header(record, "ce_id"))
                    .isEqualTo(CustomerMessageStatus.eventId(messageId, CustomerMessageStatus.Status.FAILED));
        }
        JsonPath conversation = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(conversation.getString("conversation[1].status")).isEqualTo("FAILED");
        assertThat(conversation.getString("conversation[1].reason")).contains("User unknown");
    }
}
