package io.tikun.routing.cases;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
class CaseWorkflowTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    private String openCase(String severity) {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, randomReference(), severity));
        }
        return awaitCase(complaintId).getString("id");
    }

    private static Response post(String user, String role, String path, String json, String ifMatch) {
        var request = given().auth().oauth2(token(user, role)).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return json == null ? request.post(path) : request.body(json).post(path);
    }

    @Test
    void anAgentClaimsACaseAndAnotherAgentCannotTakeItOverButAManagerCan() {
        String id = openCase("MEDIUM");

        post("bob", "agent", "/api/v1/cases/" + id + "/claim", null, null).then().statusCode(200)
                .body("assignee", equalTo("bob"));
        post("carol", "agent", "/api/v1/cases/" + id + "/claim", null, null).then().statusCode(409)
                .contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("bob"));
        post("mira", "manager", "/api/v1/cases/" + id + "/claim", null, null).then().statusCode(200)
                .body("assignee", equalTo("mira"));
    }

    @Test
    void refusesAnActionBasedOnAStaleVersion() {
        String id = openCase("LOW");
        String etag = given().auth().oauth2(token("bob", "agent")).get("/api/v1/cases/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");

        post("bob", "agent", "/api/v1/cases/" + id + "/claim", null, etag).then().statusCode(200);
        // A manager may act on bob's case, but not on the version seen before bob claimed it.
        post("mira", "manager", "/api/v1/cases/" + id + "/first-response", "{\"summary\":\"Called her back\"}", etag)
                .then().statusCode(412).contentType(PROBLEM).body("title", equalTo("Changed meanwhile"));
        post("carol", "agent", "/api/v1/cases/" + id + "/claim", null, "not-a-version").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void firstResponseResolutionAndReopeningAreRecordedAndAnnounced() {
        String id = openCase("HIGH");
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            post("bob", "agent", "/api/v1/cases/" + id + "/first-response", "{\"summary\":\"Apologised, technician booked\"}",
                    null).then().statusCode(200).body("status", equalTo("RESPONDED")).body("assignee", equalTo("bob"));
            post("bob", "agent", "/api/v1/cases/" + id + "/first-response", "{\"summary\":\"again\"}", null)
                    .then().statusCode(409).contentType(PROBLEM);

            post("bob", "agent", "/api/v1/cases/" + id + "/resolve",
                    "{\"resolution\":\"We replaced the heater.\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}",
                    null)
                    .then().statusCode(200).body("status", equalTo("RESOLVED"));
            ConsumerRecord<String, String> resolved = topic.await(r -> r.value().contains(id)
                    && "tikun.case.resolved".equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            assertThat(resolved.value()).contains("We replaced the heater.").contains("Thank you");
            topic.await(r -> r.value().contains(id) && "tikun.case.responded".equals(KafkaTopicReader.header(r, "ce_type")),
                    WAIT);

            post("bob", "agent", "/api/v1/cases/" + id + "/resolve",
                    "{\"resolution\":\"twice\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}", null)
                    .then().statusCode(409).contentType(PROBLEM);
            post("bob", "agent", "/api/v1/cases/" + id + "/reopen", "{\"reason\":\"Customer says it still smells of gas\"}",
                    null).then().statusCode(200).body("status", equalTo("OPEN"));
            topic.await(r -> r.value().contains(id) && "tikun.case.reopened".equals(KafkaTopicReader.header(r, "ce_type")),
                    WAIT);
        }
    }

    @Test
    void queuesFilterOrderAndPageCases() {
        String critical = openCase("CRITICAL");
        openCase("LOW");

        given().auth().oauth2(token("bob", "agent")).queryParam("severity", "CRITICAL").queryParam("unassigned", true)
                .queryParam("size", 200).get("/api/v1/cases")
                .then().statusCode(200).header(CaseResource.TOTAL_COUNT, notNullValue())
                .body("severity", everyItem(equalTo("CRITICAL")))
                .body("id", hasItems(critical));
        given().auth().oauth2(token("bob", "agent")).queryParam("size", 1).get("/api/v1/cases")
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(token("bob", "agent")).queryParam("size", 1000).get("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void onlyManagersAssignAndEveryActionValidatesItsBody() {
        String id = openCase("MEDIUM");
        given().auth().oauth2(token("bob", "agent")).contentType(ContentType.JSON).body("{\"assignee\":\"bob\"}")
                .put("/api/v1/cases/" + id + "/assignee").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("mira", "manager")).contentType(ContentType.JSON).body("{\"assignee\":\"dana\"}")
                .put("/api/v1/cases/" + id + "/assignee").then().statusCode(200).body("assignee", equalTo("dana"));
        post("bob", "agent", "/api/v1/cases/" + id + "/resolve", "{\"resolution\":\"\"}", null)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItems("resolution"));
        post("bob", "agent", "/api/v1/cases/" + UUID.randomUUID() + "/resolve",
                "{\"resolution\":\"x\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}", null)
                .then().statusCode(404).contentType(PROBLEM);
    }

    /** A case for a complaint received {@code ago} and promised an answer within the hour after; its complaint id. */
    private String complaintReceived(Duration ago) {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received",
                    complaintJson(complaintId, randomReference(), "MEDIUM", Instant.now().minus(ago)));
        }
        awaitCase(complaintId);
        return complaintId;
    }

    private static List<String> overdueAmong(String complaintId, String order) {
        return given().auth().oauth2(token("bob", "agent")).queryParam("overdue", true).queryParam("order", order)
                .queryParam("complaintId", complaintId).get("/api/v1/cases").then().statusCode(200).extract()
                .jsonPath().getList("complaintId", String.class);
    }

    @Test
    void theOverdueQueueHoldsTheUnansweredCasesPastTheirDeadlineInEveryOrder() {
        String late = complaintReceived(Duration.ofHours(2));
        String onTime = complaintReceived(Duration.ZERO);
        String answeredLate = complaintReceived(Duration.ofHours(2));
        String id = awaitCase(answeredLate).getString("id");
        post("bob", "agent", "/api/v1/cases/" + id + "/first-response", "{\"summary\":\"Called her back\"}", null)
                .then().statusCode(200);

        for (String order : List.of("DUE", "NEXT_DUE", "NEWEST", "OLDEST")) {
            assertThat(overdueAmong(late, order)).as(order).containsExactly(late);
            assertThat(overdueAmong(onTime, order)).as(order).isEmpty();
            assertThat(overdueAmong(answeredLate, order)).as(order).isEmpty();
        }
    }

    @Test
    void anUnknownFilterValueOnTheQueueIsABadRequestNamingTheParameterAndItsValues() {
        given().auth().oauth2(token("bob", "agent")).queryParam("severity", "NOPE").get("/api/v1/cases").then()
                .statusCode(400).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("'severity' must be one of LOW, MEDIUM, HIGH, CRITICAL"));
        given().auth().oauth2(token("bob", "agent")).queryParam("order", "SIDEWAYS").get("/api/v1/cases").then()
                .statusCode(400).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("'order'"));
        given().auth().oauth2(token("bob", "agent")).queryParam("status", "waiting_on_customer").get("/api/v1/cases")
                .then().statusCode(200);
    }
}
