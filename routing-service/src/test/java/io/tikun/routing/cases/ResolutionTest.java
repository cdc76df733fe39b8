package io.tikun.routing.cases;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
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
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tikun.routing.time.MovableClock;
import io.tikun.routing.time.MovableClockProfile;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * Resolving names the category (the classifier's kept or corrected) and the root cause from the configured lists; the
 * decisions are kept per resolution and feed the classifier's accuracy and the weekly trends.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ResolutionTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ROOT_CAUSES = "product-defect, supplier-delay, process-gap, staff-error, communication, "
            + "billing-system, customer-misunderstanding, external, other";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MovableClock clock;

    private final ObjectMapper mapper = new ObjectMapper();

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    /** A MEDIUM complaint received now (the application's clock) that intake classified as {@code category}. */
    private String openCase(String category) {
        String complaintId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String classification = category == null ? ""
                : """
                        ,"classification":{"product":{"id":"oven","name":"Oven","evidence":["oven"]},"category":"%s",
                         "categoryEvidence":["late"],"orderNumbers":["4711"]}""".formatted(category);
        String json = """
                {"complaintId":"%s","reference":"%s","channel":"email",
                 "customer":{"id":"cust-%s","name":"Dana Levi","email":"dana@example.com","phone":"+972521234567"},
                 "subject":"The oven","body":"Still waiting for the oven.","severity":"MEDIUM","reasons":[],
                 "receivedAt":"%s","expectedResponseBy":"%s","language":"en"%s}"""
                .formatted(complaintId, randomReference(), complaintId, now, now.plusSeconds(3600), classification);
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", json);
        }
        return awaitCase(complaintId).getString("id");
    }

    private static ValidatableResponse act(String id, String action, String json) {
        return given().auth().oauth2(token("bob", "agent")).contentType(ContentType.JSON).body(json)
                .post("/api/v1/cases/" + id + "/" + action).then();
    }

    private static ValidatableResponse resolve(String id, String category, String rootCause) {
        return act(id, "resolve", """
                {"resolution":"Sorted out","category":%s,"rootCause":%s}""".formatted(quoted(category), quoted(rootCause)));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static JsonPath caseOf(String id) {
        return given().auth().oauth2(token("bob", "agent")).get("/api/v1/cases/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static JsonPath report(String path, Map<String, ?> query) {
        return given().auth().oauth2(token("mira", "manager")).queryParams(query).get("/api/v1/reports/" + path).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void resolvingStoresTheCategoryAndRootCauseAndAnnouncesThemWithTheFirstResponseVerdict() throws Exception {
        String id = openCase("delivery");
        act(id, "first-response", "{\"summary\":\"Called her\"}").statusCode(200);

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            resolve(id, "delivery", "supplier-delay").statusCode(200).body("status", equalTo("RESOLVED"))
                    .body("category", equalTo("delivery")).body("classifiedCategory", equalTo("delivery"))
                    .body("rootCause", equalTo("supplier-delay")).body("resolutions[0].corrected", equalTo(false))
                    .body("resolutions[0].resolvedBy", equalTo("bob"));

            ConsumerRecord<String, String> resolved = topic.await(r -> r.value().contains(id)
                    && "tikun.case.resolved".equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            JsonNode event = mapper.readTree(resolved.value());
            assertThat(event.get("category").asText()).isEqualTo("delivery");
            assertThat(event.get("rootCause").asText()).isEqualTo("supplier-delay");
            assertThat(event.get("productId").asText()).isEqualTo("oven");
            assertThat(event.get("firstResponseWithinSla").asBoolean()).isTrue();
        }
    }

    @Test
    void aMissingOrUnknownRootCauseOrCategoryIsRefusedNamingTheFieldAndItsValues() {
        String id = openCase("billing");
        resolve(id, "billing", null).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("rootCause"))
                .body("violations[0].message", equalTo("must be one of: " + ROOT_CAUSES))
                .body("detail", containsString("'rootCause' is required"));
        resolve(id, "billing", "bad-luck").statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("rootCause")).body("detail", containsString("'bad-luck'"));
        resolve(id, "plumbing", "other").statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].message", containsString("refund, billing, delivery, installation_or_visit, "
                        + "product_defect, staff_behaviour, waiting_time"));
        resolve(id, null, "other").statusCode(400).body("violations[0].field", equalTo("category"));

        assertThat(caseOf(id).getString("status")).isEqualTo("OPEN");
        assertThat(caseOf(id).getList("resolutions")).isEmpty();
    }

    @Test
    void aCorrectionIsKeptAndResolvingAgainAfterReopeningAddsANewRecord() {
        String id = openCase("delivery");
        resolve(id, "refund", "communication").statusCode(200).body("category", equalTo("refund"))
                .body("classifiedCategory", equalTo("delivery"));
        act(id, "reopen", "{\"reason\":\"The refund was for the wrong order\"}").statusCode(200);
        resolve(id, "delivery", "supplier-delay").statusCode(200);

        JsonPath c = caseOf(id);
        assertThat(c.getString("category")).isEqualTo("delivery");
        assertThat(c.getString("classifiedCategory")).isEqualTo("delivery");
        assertThat(c.getString("rootCause")).isEqualTo("supplier-delay");
        assertThat(c.getList("resolutions.number", Integer.class)).containsExactly(1, 2);
        assertThat(c.getList("resolutions.category", String.class)).containsExactly("refund", "delivery");
        assertThat(c.getList("resolutions.corrected", Boolean.class)).containsExactly(true, false);
        assertThat(c.getList("resolutions.rootCause", String.class)).containsExactly("communication", "supplier-delay");
    }

    /**
     * The seeded week, worked out by hand. Classifier → agent: delivery → delivery twice, delivery → refund, billing →
     * refund, billing → billing, none → product_defect, and delivery → refund reopened and resolved as delivery (its
     * latest decision counts). delivery: 4 resolved, 3 confirmed, 1 corrected, 0.75; billing: 2, 1, 1, 0.5; overall 4 of
     * 6 classified = 0.6667, one unclassified.
     */
    @Test
    void accuracyAndWeeklyTrendsOfASeededSetMatchTheFiguresWorkedOutByHand() {
        // A Wednesday noon far ahead of every other test's cases: this week and the weeks around it are ours alone.
        LocalDate wednesday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(9)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        Instant noon = wednesday.atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), noon));

        resolve(openCase("delivery"), "delivery", "supplier-delay").statusCode(200);
        resolve(openCase("delivery"), "delivery", "supplier-delay").statusCode(200);
        resolve(openCase("delivery"), "refund", "process-gap").statusCode(200);
        resolve(openCase("billing"), "refund", "billing-system").statusCode(200);
        resolve(openCase("billing"), "billing", "billing-system").statusCode(200);
        resolve(openCase(null), "product_defect", "product-defect").statusCode(200);
        String reopened = openCase("delivery");
        resolve(reopened, "refund", "communication").statusCode(200);
        act(reopened, "reopen", "{\"reason\":\"Not a refund after all\"}").statusCode(200);
        resolve(reopened, "delivery", "supplier-delay").statusCode(200);

        JsonPath accuracy = report("classification-accuracy",
                Map.of("from", noon.minus(Duration.ofHours(1)).toString(), "to", noon.plus(Duration.ofHours(1)).toString()));
        assertThat(accuracy.getInt("resolved")).isEqualTo(7);
        assertThat(accuracy.getInt("unclassified")).isEqualTo(1);
        assertThat(accuracy.getInt("confirmed")).isEqualTo(4);
        assertThat(accuracy.getInt("corrected")).isEqualTo(2);
        assertThat(accuracy.getDouble("accuracy")).isCloseTo(0.6667, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(accuracy.getList("categories.category", String.class)).containsExactly("billing", "delivery");
        assertThat(accuracy.getList("categories.resolved", Integer.class)).containsExactly(2, 4);
        assertThat(accuracy.getList("categories.confirmed", Integer.class)).containsExactly(1, 3);
        assertThat(accuracy.getList("categories.corrected", Integer.class)).containsExactly(1, 1);
        assertThat(accuracy.getList("categories.accuracy", Double.class)).containsExactly(0.5, 0.75);
        assertThat(accuracy.getString("categories[1].confusions[0].corrected")).isEqualTo("refund");
        assertThat(accuracy.getList("topConfusions.classified", String.class)).containsExactly("billing", "delivery");
        assertThat(accuracy.getList("topConfusions.corrected", String.class)).containsExactly("refund", "refund");
        assertThat(accuracy.getList("topConfusions.count", Integer.class)).containsExactly(1, 1);

        // Two weeks later one more case: the week between and the week before stay in the trends, at zero.
        clock.advance(Duration.ofDays(14));
        resolve(openCase(null), "waiting_time", "external").statusCode(200);

        JsonPath causes = report("trends", Map.of("by", "rootCause", "weeks", 4));
        LocalDate monday = wednesday.with(DayOfWeek.MONDAY);
        assertThat(causes.getList("series.start", String.class)).containsExactly(monday.minusWeeks(1).toString(),
                monday.toString(), monday.plusWeeks(1).toString(), monday.plusWeeks(2).toString());
        assertThat(causes.getList("series.total", Long.class)).containsExactly(0L, 8L, 0L, 1L);
        assertThat(causes.getMap("series[1].counts")).containsEntry("supplier-delay", 3).containsEntry("process-gap", 1)
                .containsEntry("billing-system", 2).containsEntry("product-defect", 1).containsEntry("communication", 1)
                .containsEntry("staff-error", 0);
        assertThat(causes.getMap("series[0].counts")).hasSize(9).allSatisfy((code, count) -> assertThat(count).isEqualTo(0));
        assertThat(causes.getMap("series[3].counts")).containsEntry("external", 1);
        assertThat(causes.getString("series[1].week")).matches("\\d{4}-W\\d{2}");

        JsonPath categories = report("trends", Map.of("by", "category", "weeks", 4));
        assertThat(categories.getMap("series[1].counts")).containsEntry("delivery", 3).containsEntry("refund", 3)
                .containsEntry("billing", 1).containsEntry("product_defect", 1).containsEntry("waiting_time", 0);
        assertThat(categories.getMap("series[3].counts")).containsEntry("waiting_time", 1);
        assertThat(categories.getList("values", String.class)).hasSize(8);

        // Asked again after one more resolution this week: the closed weeks, now kept, and the open week read anew.
        resolve(openCase(null), "waiting_time", "external").statusCode(200);
        JsonPath again = report("trends", Map.of("by", "rootCause", "weeks", 4));
        assertThat(again.getList("series.total", Long.class)).containsExactly(0L, 8L, 0L, 2L);
        assertThat(again.getMap("series[1].counts")).isEqualTo(causes.getMap("series[1].counts"));
        assertThat(again.getMap("series[3].counts")).containsEntry("external", 2);
    }

    @Test
    void theReportsAreForManagersAndRefuseBadParameters() {
        given().auth().oauth2(token("bob", "agent")).queryParam("by", "category")
                .get("/api/v1/reports/trends").then().statusCode(403);
        given().auth().oauth2(token("mira", "manager")).queryParam("by", "severity")
                .get("/api/v1/reports/trends").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("mira", "manager")).queryParams(Map.of("by", "category", "weeks", "0"))
                .get("/api/v1/reports/trends").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("mira", "manager")).queryParams(List.of("from", "to").stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> "2026-12-01T00:00:00Z")))
                .get("/api/v1/reports/classification-accuracy").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("bob", "agent"))
                .queryParams(Map.of("from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00Z"))
                .get("/api/v1/reports/classification-accuracy").then().statusCode(403);
    }
}
