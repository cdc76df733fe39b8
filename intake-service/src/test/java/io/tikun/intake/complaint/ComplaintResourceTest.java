package io.tikun.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    private KafkaTopicReader topic;

    @BeforeEach
    void readTopic() {
        topic = new KafkaTopicReader(bootstrapServers, "complaints.received", "complaints.received.urgent");
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    static String channelToken() {
        return OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel"));
    }

    static String complaint(String email, String subject, String body) {
        return """
                {"channel":"web","customer":{"name":"Dana Levi","email":"%s","phone":"+972 52 123 4567"},
                 "subject":"%s","body":"%s"}""".formatted(email, subject, body);
    }

    private static Response submit(String json) {
        return given().auth().oauth2(channelToken()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/complaints");
    }

    @Test
    void acceptsCriticalWebComplaintAndPublishesItOnTheUrgentLane() throws IOException {
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        Response accepted = submit(complaint(email, "Heater caught fire", "I will sue you if nobody calls me today."));

        accepted.then().statusCode(202)
                .header("Location", containsString("/api/v1/complaints/"))
                .body("reference", matchesPattern("TK-\\d{6,}"))
                .body("severity", equalTo("CRITICAL"))
                .body("reasons.signal", hasItems("LEGAL_THREAT", "SAFETY"));
        String id = accepted.path("id");
        Instant promised = Instant.parse(accepted.path("expectedResponseBy"));

        JsonNode stored = mapper.readTree(given().auth().oauth2(channelToken()).get("/api/v1/complaints/" + id)
                .then().statusCode(200).extract().asString());
        assertThat(stored.path("customer").path("email").asText()).isEqualTo(email);
        assertThat(Duration.between(Instant.parse(stored.path("receivedAt").asText()), promised))
                .isEqualTo(Duration.ofHours(1));

        ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(id), KAFKA_WAIT);
        assertThat(record.topic()).isEqualTo("complaints.received.urgent");
        JsonNode event = mapper.readTree(record.value());
        assertThat(event.path("reference").asText()).isEqualTo(accepted.path("reference").toString());
        assertThat(event.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(record.key()).isEqualTo(stored.path("customer").path("id").asText());
        assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("tikun.complaint.received");
        assertThat(KafkaTopicReader.header(record, "ce_source")).isEqualTo("/tikun/intake-service");
        assertThat(KafkaTopicReader.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaTopicReader.header(record, "ce_time")).isNotBlank();
        assertPublishedEventHonoursItsContract(event);
    }

    private void assertPublishedEventHonoursItsContract(JsonNode event) throws IOException {
        try (InputStream schema = getClass().getClassLoader()
                .getResourceAsStream("contracts/complaints.received.schema.json")) {
            JsonNode required = mapper.readTree(schema).path("required");
            assertThat(required.size()).isGreaterThan(5);
            required.forEach(field -> assertThat(event.has(field.asText()))
                    .as("published event has required field %s", field.asText()).isTrue());
        }
    }

    @Test
    void sameEmailIsTheSameCustomerAcrossComplaints() {
        String email = "returning+" + UUID.randomUUID() + "@example.com";
        String first = submit(complaint(email, "Late", "Parcel late")).then().statusCode(202).extract().path("id");
        String second = submit(complaint(email.toUpperCase(), "Late again", "Still late")).then().statusCode(202)
                .extract().path("id");

        String firstCustomer = given().auth().oauth2(channelToken()).get("/api/v1/complaints/" + first).path("customer.id");
        String secondCustomer = given().auth().oauth2(channelToken()).get("/api/v1/complaints/" + second)
                .path("customer.id");
        assertThat(secondCustomer).isEqualTo(firstCustomer);
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheExistingComplaint() {
        String key = UUID.randomUUID().toString();
        String body = complaint("idem@example.com", "Charged twice", "Please refund");
        String reference = given().auth().oauth2(channelToken()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/complaints")
                .then().statusCode(202).extract().path("reference");

        given().auth().oauth2(channelToken()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/complaints")
                .then().statusCode(200).body("reference", equalTo(reference));
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentComplaint() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(channelToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(complaint("first@example.com", "Charged twice", "Please refund")).post("/api/v1/complaints")
                .then().statusCode(202);

        given().auth().oauth2(channelToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(complaint("first@example.com", "Another matter", "Something else")).post("/api/v1/complaints")
                .then().statusCode(422).contentType(PROBLEM).body("title", equalTo("Idempotency-Key reused"));
    }

    @Test
    void rejectsSubmissionWithoutTokenAsProblem() {
        given().contentType(ContentType.JSON).body(complaint("a@example.com", "s", "b")).post("/api/v1/complaints")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
    }

    @Test
    void rejectsSubmissionByAnAgentToken() {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .contentType(ContentType.JSON).body(complaint("a@example.com", "s", "b")).post("/api/v1/complaints")
                .then().statusCode(403).contentType(PROBLEM).body("title", equalTo("Forbidden"));
    }

    @Test
    void rejectsMalformedJsonAsProblemWithoutInternals() {
        submit("{\"customer\": {\"name\": \"x\",").then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Malformed request body"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at com.fasterxml")));
    }

    @Test
    void namesEveryMissingOrInvalidField() {
        submit("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"not-an-email\"},\"body\":\"\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("customer.email", "subject", "body"));
    }

    @Test
    void rejectsNoSqlOperatorInPlaceOfAnEmail() {
        submit("{\"channel\":\"web\",\"customer\":{\"name\":\"x\",\"email\":{\"$gt\":\"\"}},\"subject\":\"s\",\"body\":\"b\"}")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("customer.email"));
    }

    @Test
    void rejectsOtherChannelsOnTheWebEndpoint() {
        submit("{\"channel\":\"email\",\"customer\":{\"name\":\"x\",\"email\":\"x@example.com\"},\"subject\":\"s\",\"body\":\"b\"}")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItems("channel"));
    }

    @Test
    void rejectsUnsupportedMediaTypeAsProblem() {
        given().auth().oauth2(channelToken()).contentType(ContentType.XML).body("<complaint/>")
                .post("/api/v1/complaints").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void answersUnknownComplaintWithNotFoundProblem() {
        given().auth().oauth2(channelToken()).get("/api/v1/complaints/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo("Not found"));
    }

    @Test
    void storesScriptAsPlainTextAndReturnsItVerbatim() {
        String id = submit(complaint("xss@example.com", "<script>alert(1)</script>", "שלום 👋 \u200Fעוזב"))
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(channelToken()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("subject", equalTo("<script>alert(1)</script>"))
                .body("body", equalTo("שלום 👋 \u200Fעוזב"));
    }

    @Test
    void aChannelClientReadsTheComplaintsItFiledAndNoOneElses() {
        String id = submit(complaint("own+" + UUID.randomUUID() + "@example.com", "Late", "Where is it?"))
                .then().statusCode(202).extract().path("id");

        given().auth().oauth2(channelToken()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mail-gateway", Set.of("channel")))
                .get("/api/v1/complaints/" + id).then().statusCode(403).contentType(PROBLEM)
                .body("title", equalTo("Forbidden")).body("status", equalTo(403));
        for (String role : List.of("agent", "manager", "admin")) {
            given().auth().oauth2(OidcWiremockTestResource.getAccessToken("staff-" + role, Set.of(role)))
                    .get("/api/v1/complaints/" + id).then().statusCode(200).body("id", equalTo(id));
        }
    }

    @Test
    void readingAComplaintWithoutATokenIsAnUnauthorizedProblem() {
        String id = submit(complaint("anon+" + UUID.randomUUID() + "@example.com", "Late", "Where is it?"))
                .then().statusCode(202).extract().path("id");

        given().get("/api/v1/complaints/" + id).then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
    }
}
