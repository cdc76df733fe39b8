package io.tikun.routing.console;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsoleOverviewTest {

    private static final String OVERVIEW = "/api/v1/console/overview";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String managerToken() {
        return OidcWiremockTestResource.getAccessToken("maya", Set.of("manager"));
    }

    /** A complaint of {@code customerId}, received now and promised an answer within {@code answerWithinSeconds}. */
    private JsonPath complain(String customerId, String severity, long answerWithinSeconds) {
        String complaintId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received", """
                    {"complaintId":"%s","reference":"%s","channel":"whatsapp",
                     "customer":{"id":"%s","name":"Yossi Cohen","email":"yossi@example.com","phone":"+972541112233"},
                     "subject":"No hot water","body":"Third day without hot water.","severity":"%s","reasons":[],
                     "receivedAt":"%s","expectedResponseBy":"%s"}"""
                    .formatted(complaintId, randomReference(), customerId, severity, now,
                            now.plusSeconds(answerWithinSeconds)));
        }
        return awaitCase(complaintId);
    }

    private static JsonPath overview() {
        return given().auth().oauth2(managerToken()).get(OVERVIEW).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsTheCallbackOwedOnARepeatCriticalComplaint() {
        String customer = "cust-" + UUID.randomUUID();
        complain(customer, "CRITICAL", 3600);
        JsonPath repeat = complain(customer, "CRITICAL", 3600);
        assertThat(repeat.getString("level")).isEqualTo("MANAGER_CALLBACK");

        Map<String, Object> callback = overview().<Map<String, Object>> getList("callbacks").stream()
                .filter(c -> repeat.getString("id").equals(c.get("caseId"))).findFirst().orElseThrow();
        assertThat(callback.get("reference")).isEqualTo(repeat.getString("reference"));
        assertThat(callback.get("phone")).isEqualTo("+972541112233");
        assertThat(callback.get("overdue")).isEqualTo(false);
        assertThat(Instant.parse((String) callback.get("dueAt"))).isEqualTo(Instant.parse(repeat.getString("callbackDueAt")));
    }

    @Test
    void listsUnansweredCasesDueWithinTheHourAsAtRiskButNotLaterOnes() {
        JsonPath soon = complain("cust-" + UUID.randomUUID(), "CRITICAL", 1800);
        JsonPath later = complain("cust-" + UUID.randomUUID(), "LOW", 3 * 24 * 3600);

        JsonPath atRisk = overview().setRootPath("atRisk");
        assertThat(atRisk.getList("caseId")).contains(soon.getString("id")).doesNotContain(later.getString("id"));
        Map<String, Object> row = atRisk.<Map<String, Object>> getList("").stream()
                .filter(c -> soon.getString("id").equals(c.get("caseId"))).findFirst().orElseThrow();
        assertThat(row.get("breached")).isEqualTo(false);
        assertThat(row.get("channel")).isEqualTo("whatsapp");
        assertThat(row.get("severity")).isEqualTo("CRITICAL");
    }

    @Test
    void reportsFirstResponseTimesPerSeverityAndChannel() {
        JsonPath answered = complain("cust-" + UUID.randomUUID(), "HIGH", 3600);
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"summary\":\"Technician booked\"}")
                .post("/api/v1/cases/" + answered.getString("id") + "/first-response").then().statusCode(200);

        Map<String, Object> high = await().atMost(WAIT).until(() -> overview().<Map<String, Object>> getList("firstResponse")
                .stream().filter(f -> "HIGH".equals(f.get("severity")) && "whatsapp".equals(f.get("channel")))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(((Number) high.get("answered")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) high.get("p50Minutes")).doubleValue()).isGreaterThanOrEqualTo(0.0);
        // The figures are computed in the background; the overview says when.
        assertThat(Instant.parse(overview().getString("firstResponseAt"))).isBefore(Instant.now().plusSeconds(1))
                .isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void showsTheLatestStreamedNotifications() {
        JsonPath critical = complain("cust-" + UUID.randomUUID(), "CRITICAL", 3600);

        await().atMost(WAIT).until(() -> overview().getList("recent.reference").contains(critical.getString("reference")));
    }

    @Test
    void keepsTheDataForManagersAndTheApiOnBearerTokens() {
        given().get(OVERVIEW).then().statusCode(401);
        given().auth().oauth2(agentToken()).get(OVERVIEW).then().statusCode(403);
        given().get("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void sendsAnAnonymousBrowserToTheLoginPageOfTheConsoleClient() {
        given().redirects().follow(false).accept(ContentType.HTML).get("/console")
                .then().statusCode(302)
                .header("Location", containsString("redirect_uri=http%3A%2F%2Flocalhost%3A"))
                .header("Location", containsString("%2Fconsole"))
                .header("Location", containsString("client_id=tikun-console"))
                .header("Location", containsString("response_type=code"));
        given().redirects().follow(false).get("/console/assets/console.js")
                .then().statusCode(200).contentType(containsString("javascript"));
    }
}
