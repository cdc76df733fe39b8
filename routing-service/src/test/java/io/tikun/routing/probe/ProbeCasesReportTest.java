package io.tikun.routing.probe;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Probe cases arrive through the real consumer, are opened like any case, and count only in the probe report. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProbeCasesReportTest {

    /** A day no other test uses, so the reports see only these cases. */
    private static final Instant RECEIVED = Instant.parse("2027-03-03T08:00:00Z");
    private static final Instant FROM = Instant.parse("2027-03-03T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-03-04T00:00:00Z");

    @Inject
    Pool db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String manager() {
        return OidcWiremockTestResource.getAccessToken("mira", Set.of("manager"));
    }

    private void publish(String customerId, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    json);
        }
    }

    private static String probeJson(String complaintId, String customerId, Instant sentAt) {
        String customer = complaintJson(complaintId, customerId, "LOW", "webhook", RECEIVED, null);
        return customer.substring(0, customer.lastIndexOf('}')) + ",\"probe\":true,\"probeSentAt\":\"" + sentAt + "\"}";
    }

    private void respond(String complaintId, Instant at) {
        db.preparedQuery("update routing.support_case set first_responded_at = $2, first_responded_by = 'dana' "
                + "where complaint_id = $1").execute(Tuple.of(complaintId, at.atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);
    }

    @Test
    void probeCasesAreOpenedLikeAnyButCountOnlyInTheProbeReport() {
        String customerComplaint = UUID.randomUUID().toString();
        String answeredProbe = UUID.randomUUID().toString();
        String openProbe = UUID.randomUUID().toString();
        publish("cust-real", complaintJson(customerComplaint, "cust-real", "LOW", "webhook", RECEIVED, null));
        publish("probe-1", probeJson(answeredProbe, "probe-1", RECEIVED.minusMillis(1500)));
        publish("probe-2", probeJson(openProbe, "probe-2", RECEIVED.minusMillis(500)));
        awaitCase(customerComplaint);
        JsonPath probeCase = awaitCase(answeredProbe);
        awaitCase(openProbe);
        assertThat(probeCase.getString("status")).isEqualTo("OPEN");
        respond(customerComplaint, RECEIVED.plusSeconds(600));
        respond(answeredProbe, RECEIVED.plusSeconds(1200));

        JsonPath responseTimes = given().auth().oauth2(manager()).queryParam("by", "channel")
                .queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/api/v1/reports/response-times").then().statusCode(200).extract().jsonPath();
        assertThat(responseTimes.getList("groups.key", String.class)).containsExactly("webhook");
        assertThat(responseTimes.getLong("groups[0].firstResponse.count")).isEqualTo(1);

        JsonPath probes = given().auth().oauth2(manager()).queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/api/v1/reports/probes").then().statusCode(200).extract()
                .jsonPath();
        assertThat(probes.getList("channels.channel", String.class)).containsExactly("webhook");
        assertThat(probes.getInt("channels[0].count")).isEqualTo(2);
        // acknowledgements 0.5 s and 1.5 s: p50 rank 1 -> 0.5, p90 rank 2 -> 1.5
        assertThat(probes.getDouble("channels[0].acknowledgement.p50Seconds")).isEqualTo(0.5);
        assertThat(probes.getDouble("channels[0].acknowledgement.p90Seconds")).isEqualTo(1.5);
        // answered 1200 s after receipt, 1.5 s after sending
        assertThat(probes.getDouble("channels[0].firstResponse.maxSeconds")).isEqualTo(1201.5);
        assertThat(probes.getInt("channels[0].unanswered")).isEqualTo(1);

        String csv = given().auth().oauth2(manager()).accept("text/csv").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/api/v1/reports/probes").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).contains("\r\nwebhook,2,2,0.500,1.500,1.500,1,1201.500,1201.500,1201.500,1\r\n");
    }

    @Test
    void badPeriodIsAProblem() {
        given().auth().oauth2(manager()).queryParam("from", "yesterday").queryParam("to", TO.toString())
                .get("/api/v1/reports/probes").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(manager()).queryParam("from", TO.toString()).queryParam("to", FROM.toString())
                .get("/api/v1/reports/probes").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
