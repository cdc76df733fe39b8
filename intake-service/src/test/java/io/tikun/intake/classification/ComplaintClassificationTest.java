package io.tikun.intake.classification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** A complaint's classification, end to end: filed on the web, stored, read back and announced. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintClassificationTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    private static String channel() {
        return OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel"));
    }

    private static String agent() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    private static String file(String subject, String body) {
        return given().auth().oauth2(channel()).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "customer",
                        Map.of("name", "דנה לוי", "email", "classify+" + UUID.randomUUID() + "@example.com"),
                        "subject", subject, "body", body))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
    }

    @Test
    void classifiesAWebComplaintAndShowsItInTheApiTheTimelineAndTheEvent() throws Exception {
        String id = file("המכונה התקלקלה", "מכונת הכביסה WM-8200 שקיבלתי בהזמנה מס' 12345678 נשברה, והתוף דולף.");

        JsonPath complaint = given().auth().oauth2(channel()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("classification.product.id", equalTo("washing_machine"))
                .body("classification.product.evidence", hasItem("WM-8200"))
                .body("classification.category", equalTo("product_defect"))
                .body("classification.categoryEvidence", hasItem("דולף"))
                .body("classification.orderNumbers", contains("12345678"))
                .extract().jsonPath();

        given().auth().oauth2(agent()).get("/api/v1/customers/" + complaint.getString("customer.id") + "/timeline")
                .then().statusCode(200)
                .body("find { it.complaintId == '" + id + "' }.classification.category", equalTo("product_defect"))
                .body("find { it.complaintId == '" + id + "' }.classification.product.id",
                        equalTo("washing_machine"));

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "complaints.received")) {
            ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(id), KAFKA_WAIT);
            JsonNode classification = mapper.readTree(record.value()).path("classification");
            assertThat(classification.path("product").path("id").asText()).isEqualTo("washing_machine");
            assertThat(classification.path("category").asText()).isEqualTo("product_defect");
            assertThat(classification.path("orderNumbers").get(0).asText()).isEqualTo("12345678");
        }
    }

    @Test
    void classifiesALongMailOffTheReceivingThreadAndFallsBackToOther() {
        String filler = "Hello, I am writing to ask a general question about your opening hours. ".repeat(80);
        String id = file("Question", filler + "Thanks in advance.");

        given().auth().oauth2(channel()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("classification.category", equalTo("other"))
                .body("classification.categoryEvidence", equalTo(List.of()))
                .body("classification.product", equalTo(null));
    }
}
