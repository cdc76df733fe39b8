package io.tikun.routing.metrics;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** The routing report and the Prometheus meters, on a fresh database holding only this test's cases. */
@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RoutingReportTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    // The seconds between a fixture's receipt time and the recorded first response, beyond the planned delay.
    private static final double SLACK_SECONDS = 15;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String manager() {
        return OidcWiremockTestResource.getAccessToken("mira", Set.of("manager"));
    }

    private String open(String customerId, String severity, String channel, Instant receivedAt) {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    complaintJson(complaintId, customerId, severity, channel, receivedAt, null));
        }
        return awaitCase(complaintId).getString("id");
    }

    private void answered(String severity, String channel, Instant receivedAt) {
        String id = open("cust-" + UUID.randomUUID(), severity, channel, receivedAt);
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"summary\":\"Called back\"}")
                .post("/api/v1/cases/" + id + "/first-response").then().statusCode(200);
    }

    private static JsonPath report(Instant from, Instant to) {
        return given().auth().oauth2(manager()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/reports/routing").then().statusCode(200).extract().jsonPath();
    }

    /** The value of the Prometheus sample {@code name} whose labels include all of {@code labels}, or null. */
    private static Double sample(String metrics, String name, String... labels) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains))
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(null);
    }

    @Test
    void reportsFirstResponseTimesBreachRatesEscalationsAndCallbackOutcomesOfKnownCases() {
        Instant t0 = Instant.now();
        answered("MEDIUM", "web", t0.minus(Duration.ofMinutes(10)));
        answered("MEDIUM", "web", t0.minus(Duration.ofMinutes(20)));
        answered("MEDIUM", "web", t0.minus(Duration.ofMinutes(30)));
        answered("MEDIUM", "email", t0.minus(Duration.ofMinutes(5)));
        // Promised an answer an hour after receipt, two hours ago: breached, and escalated one rung by the job.
        String late = open("cust-" + UUID.randomUUID(), "HIGH", "web", t0.minus(Duration.ofHours(2)));
        // The same customer twice: the second CRITICAL case starts at the manager's callback.
        String repeatCustomer = "cust-" + UUID.randomUUID();
        open(repeatCustomer, "CRITICAL", "meta", t0);
        String repeat = open(repeatCustomer, "CRITICAL", "meta", t0);
        String callbackId = given().auth().oauth2(manager()).get("/api/v1/callbacks").then().statusCode(200).extract()
                .jsonPath().getString("find { it.caseId == '" + repeat + "' }.id");
        given().auth().oauth2(manager()).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_REACHED\"}")
                .post("/api/v1/callbacks/" + callbackId + "/outcome").then().statusCode(200);
        given().auth().oauth2(manager()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REACHED_RESOLVED\",\"note\":\"Refunded\",\"rootCause\":\"billing-system\",\"category\":\"billing\"}")
                .post("/api/v1/callbacks/" + callbackId + "/outcome").then().statusCode(200);
        await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken()).get("/api/v1/cases/" + late).then()
                .extract().jsonPath().getString("level").equals("SERVICE_MANAGER"));

        JsonPath report = report(t0.minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));

        assertThat(report.getList("firstResponse")).hasSize(2);
        assertThat(report.getString("firstResponse[0].channel")).isEqualTo("email");
        assertThat(report.getLong("firstResponse[0].count")).isEqualTo(1);
        assertThat(report.getDouble("firstResponse[0].meanSeconds")).isCloseTo(300, within(SLACK_SECONDS));
        assertThat(report.getString("firstResponse[1].severity")).isEqualTo("MEDIUM");
        assertThat(report.getString("firstResponse[1].channel")).isEqualTo("web");
        assertThat(report.getLong("firstResponse[1].count")).isEqualTo(3);
        assertThat(report.getDouble("firstResponse[1].meanSeconds")).isCloseTo(1200, within(SLACK_SECONDS));
        assertThat(report.getDouble("firstResponse[1].p50Seconds")).isCloseTo(1200, within(SLACK_SECONDS));
        // 600, 1200 and 1800 s: the 90th percentile interpolates to 1200 + 0.8 * 600.
        assertThat(report.getDouble("firstResponse[1].p90Seconds")).isCloseTo(1680, within(SLACK_SECONDS));

        assertThat(report.getList("breaches.severity", String.class)).containsExactly("CRITICAL", "HIGH", "MEDIUM");
        assertThat(report.getLong("breaches[0].cases")).isEqualTo(2);
        assertThat(report.getLong("breaches[0].breached")).isZero();
        assertThat(report.getLong("breaches[1].breached")).isEqualTo(1);
        assertThat(report.getDouble("breaches[1].rate")).isEqualTo(1.0);
        assertThat(report.getLong("breaches[2].cases")).isEqualTo(4);
        assertThat(report.getDouble("breaches[2].rate")).isZero();

        assertThat(report.getList("escalations.level", String.class)).containsExactly("MANAGER_CALLBACK", "SERVICE_MANAGER");
        assertThat(report.getMap("escalations[0].byReason")).isEqualTo(Map.of("REPEAT_COMPLAINT", 1));
        assertThat(report.getMap("escalations[1].byReason")).isEqualTo(Map.of("FIRST_RESPONSE_MISSED", 1));
        assertThat(report.getMap("callbackOutcomes")).isEqualTo(Map.of("NOT_REACHED", 1, "REACHED_RESOLVED", 1));

        JsonPath later = report(Instant.now().plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(3)));
        assertThat(later.getList("firstResponse")).isEmpty();
        assertThat(later.getList("breaches")).isEmpty();
        assertThat(later.getMap("callbackOutcomes")).isEmpty();

        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(sample(metrics, "tikun_routing_first_response_seconds_count", "channel=\"web\"", "severity=\"MEDIUM\""))
                .isEqualTo(3.0);
        assertThat(sample(metrics, "tikun_routing_first_response_seconds", "severity=\"MEDIUM\"", "quantile=\"0.9\""))
                .isNotNull();
        assertThat(sample(metrics, "tikun_routing_sla_breaches_total", "severity=\"HIGH\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "tikun_routing_sla_breach_rate", "severity=\"HIGH\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "tikun_routing_sla_breach_rate", "severity=\"MEDIUM\"")).isEqualTo(0.0);
        assertThat(sample(metrics, "tikun_routing_escalations_total", "level=\"SERVICE_MANAGER\"",
                "reason=\"FIRST_RESPONSE_MISSED\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "tikun_routing_escalations_total", "level=\"MANAGER_CALLBACK\"",
                "reason=\"REPEAT_COMPLAINT\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "tikun_routing_callback_outcomes_total", "outcome=\"NOT_REACHED\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "tikun_routing_cases_opened_total", "severity=\"CRITICAL\"")).isEqualTo(2.0);
    }

    @Test
    void theReportIsForManagersAndNeedsAValidPeriod() {
        given().auth().oauth2(agentToken()).queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-02T00:00:00Z")
                .get("/api/v1/reports/routing").then().statusCode(403);
        given().auth().oauth2(manager()).queryParam("to", "2026-11-02T00:00:00Z").get("/api/v1/reports/routing").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("'from'"));
        given().auth().oauth2(manager()).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get("/api/v1/reports/routing").then().statusCode(400).contentType("application/problem+json");
    }
}
