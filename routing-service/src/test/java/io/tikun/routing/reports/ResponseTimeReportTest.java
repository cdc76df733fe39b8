package io.tikun.routing.reports;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.messageAddedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.time.MovableClock;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The response-times report over cases seeded at known times around a weekend (Jerusalem, UTC+2 in November:
 * office hours Sunday to Thursday 08:00–18:00), and the business-time histograms of answers given through the API on
 * a moved clock.
 */
@QuarkusTest
@TestProfile(ResponseTimesProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ResponseTimeReportTest {

    private static final String REPORT = "/api/v1/reports/response-times";
    private static final String PROBLEM = "application/problem+json";
    private static final Instant WEEK_FROM = Instant.parse("2026-11-26T00:00:00Z");
    private static final Instant WEEK_TO = Instant.parse("2026-12-01T00:00:00Z");
    /** Real time passing between moving the clock and the answer being recorded. */
    private static final double SLACK_SECONDS = 30;

    @Inject
    Pool db;

    @Inject
    MovableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private static String manager() {
        return OidcWiremockTestResource.getAccessToken("mira", Set.of("manager"));
    }

    private UUID seedCase(String severity, String channel, String assignee, String receivedAt, String respondedAt) {
        UUID id = UUID.randomUUID();
        Instant received = Instant.parse(receivedAt);
        OffsetDateTime responded = respondedAt == null ? null : Instant.parse(respondedAt).atOffset(ZoneOffset.UTC);
        db.preparedQuery("""
                insert into routing.support_case (id, complaint_id, reference, customer_id, customer_name, channel, subject,
                    summary, severity, level, status, received_at, opened_at, first_response_due_at, assignee,
                    first_responded_at, updated_at, version)
                values ($1, $2, 'TK-424242', 'cust-seeded', 'Dana Levi', $3, 'Heater', 'It burned', $4, 'FRONTLINE', $5,
                    $6, $6, $6, $7, $8, $6, 0)""")
                .execute(Tuple.tuple().addUUID(id).addString(id.toString()).addString(channel).addString(severity)
                        .addString(respondedAt == null ? "OPEN" : "RESPONDED")
                        .addOffsetDateTime(received.atOffset(ZoneOffset.UTC))
                        .addString(assignee).addOffsetDateTime(responded))
                .await().atMost(WAIT);
        return id;
    }

    @Test
    void creditsTheFirstResponseToWhoeverGaveItNotToTheCasesLaterAssignee() {
        // Tuesday 2026-12-08 10:00 → 10:25: answered by dana, then reassigned to carol.
        UUID id = seedCase("MEDIUM", "web", "carol", "2026-12-08T08:00:00Z", "2026-12-08T08:25:00Z");
        db.preparedQuery("update routing.support_case set first_responded_by = 'dana' where id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT);

        JsonPath tuesday = report("agent", Instant.parse("2026-12-08T00:00:00Z"), Instant.parse("2026-12-09T00:00:00Z"));

        assertThat(tuesday.getList("groups.key", String.class)).containsExactly("dana");
        assertThat(tuesday.getLong("groups[0].firstResponse.count")).isEqualTo(1);
        assertThat(tuesday.getDouble("groups[0].firstResponse.maxMinutes")).isEqualTo(25.0);
    }

    private void seedMessage(UUID caseId, String author, String by, String at) {
        db.preparedQuery("""
                insert into routing.case_message (id, case_id, message_id, author, channel, body, written_by, received_at,
                    direction, kind)
                values ($1, $2, $3, $4, 'email', 'text', $5, $6,
                    case when $4 = 'CUSTOMER' then 'INBOUND' else 'OUTBOUND' end,
                    case when $4 = 'CUSTOMER' then 'CUSTOMER_MESSAGE' else 'AGENT_REPLY' end)""")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(caseId)
                        .addString("CUSTOMER".equals(author) ? UUID.randomUUID().toString() : null).addString(author)
                        .addString(by).addOffsetDateTime(Instant.parse(at).atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);
    }

    /** Seeds the week once; every seeded answer lies in [WEEK_FROM, WEEK_TO) unless said otherwise. */
    private synchronized void seedWeek() {
        Long seeded = db.query("select count(*) from routing.support_case where customer_id = 'cust-seeded'").execute()
                .await().atMost(WAIT).iterator().next().getLong(0);
        if (seeded > 0) {
            return;
        }
        // Sunday 08:30 → 09:00: 30 minutes.
        UUID a = seedCase("MEDIUM", "web", "bob", "2026-11-29T06:30:00Z", "2026-11-29T07:00:00Z");
        // Thursday 17:30 → Sunday 08:15: 30 minutes before closing, 15 after opening; the weekend does not count.
        seedCase("MEDIUM", "email", "bob", "2026-11-26T15:30:00Z", "2026-11-29T06:15:00Z");
        // CRITICAL runs around the clock: Saturday 10:00 → 11:30 is 90 minutes.
        UUID c = seedCase("CRITICAL", "web", "carol", "2026-11-28T08:00:00Z", "2026-11-28T09:30:00Z");
        // Not answered: no first response to measure.
        seedCase("LOW", "web", null, "2026-11-29T07:00:00Z", null);
        // Answered the week before: outside the period.
        UUID e = seedCase("MEDIUM", "web", "bob", "2026-11-19T08:00:00Z", "2026-11-19T09:00:00Z");

        // Two customer messages (10:00, 10:20) answered at 11:00: 60 minutes from the earlier one.
        seedMessage(a, "CUSTOMER", "Dana Levi", "2026-11-29T08:00:00Z");
        seedMessage(a, "CUSTOMER", "Dana Levi", "2026-11-29T08:20:00Z");
        seedMessage(a, "AGENT", "bob", "2026-11-29T09:00:00Z");
        // An agent writing again with nothing waiting is not a reply.
        seedMessage(a, "AGENT", "bob", "2026-11-29T09:30:00Z");
        // Sunday 17:50 → Monday 08:10: 20 business minutes.
        seedMessage(a, "CUSTOMER", "Dana Levi", "2026-11-29T15:50:00Z");
        seedMessage(a, "AGENT", "dana", "2026-11-30T06:10:00Z");
        // Written before the first response, which answered it: the later agent message is no reply.
        seedMessage(c, "CUSTOMER", "Dana Levi", "2026-11-28T07:00:00Z");
        seedMessage(c, "AGENT", "carol", "2026-11-28T10:00:00Z");
        // A reply the week before.
        seedMessage(e, "CUSTOMER", "Dana Levi", "2026-11-19T09:10:00Z");
        seedMessage(e, "AGENT", "bob", "2026-11-19T09:20:00Z");
    }

    private static JsonPath report(String by, Instant from, Instant to) {
        return given().auth().oauth2(manager()).queryParam("by", by).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get(REPORT).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void groupsFirstResponsesAndRepliesByAgentInBusinessMinutes() {
        seedWeek();

        JsonPath report = report("agent", WEEK_FROM, WEEK_TO);

        assertThat(report.getString("by")).isEqualTo("agent");
        assertThat(report.getList("groups.key", String.class)).containsExactly("bob", "carol", "dana");
        assertThat(report.getLong("groups[0].firstResponse.count")).isEqualTo(2);
        assertThat(report.getDouble("groups[0].firstResponse.medianMinutes")).isEqualTo(37.5);
        assertThat(report.getDouble("groups[0].firstResponse.p90Minutes")).isCloseTo(43.5, within(1e-6));
        assertThat(report.getDouble("groups[0].firstResponse.maxMinutes")).isEqualTo(45.0);
        assertThat(report.getLong("groups[0].replies.count")).isEqualTo(1);
        assertThat(report.getDouble("groups[0].replies.medianMinutes")).isEqualTo(60.0);
        assertThat(report.getDouble("groups[1].firstResponse.maxMinutes")).isEqualTo(90.0);
        assertThat(report.getLong("groups[1].replies.count")).isZero();
        assertThat(report.getString("groups[1].replies.medianMinutes")).isNull();
        assertThat(report.getLong("groups[2].firstResponse.count")).isZero();
        assertThat(report.getDouble("groups[2].replies.maxMinutes")).isEqualTo(20.0);
    }

    @Test
    void groupsByChannelAndBySeverity() {
        seedWeek();

        JsonPath byChannel = report("channel", WEEK_FROM, WEEK_TO);
        assertThat(byChannel.getList("groups.key", String.class)).containsExactly("email", "web");
        assertThat(byChannel.getDouble("groups[0].firstResponse.medianMinutes")).isEqualTo(45.0);
        assertThat(byChannel.getLong("groups[0].replies.count")).isZero();
        assertThat(byChannel.getDouble("groups[1].firstResponse.medianMinutes")).isEqualTo(60.0);
        assertThat(byChannel.getDouble("groups[1].firstResponse.p90Minutes")).isCloseTo(84.0, within(1e-6));
        assertThat(byChannel.getLong("groups[1].replies.count")).isEqualTo(2);
        assertThat(byChannel.getDouble("groups[1].replies.medianMinutes")).isEqualTo(40.0);
        assertThat(byChannel.getDouble("groups[1].replies.p90Minutes")).isCloseTo(56.0, within(1e-6));

        JsonPath bySeverity = report("SEVERITY", WEEK_FROM, WEEK_TO);
        assertThat(bySeverity.getList("groups.key", String.class)).containsExactly("CRITICAL", "MEDIUM");
        assertThat(bySeverity.getDouble("groups[0].firstResponse.medianMinutes")).isEqualTo(90.0);
        assertThat(bySeverity.getLong("groups[1].firstResponse.count")).isEqualTo(2);
        assertThat(bySeverity.getLong("groups[1].replies.count")).isEqualTo(2);
    }

    @Test
    void countsOnlyAnswersGivenInThePeriod() {
        seedWeek();

        JsonPath sunday = report("agent", Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2026-11-29T12:00:00Z"));

        assertThat(sunday.getList("groups.key", String.class)).containsExactly("bob");
        assertThat(sunday.getLong("groups[0].firstResponse.count")).isEqualTo(2);
        assertThat(sunday.getLong("groups[0].replies.count")).isEqualTo(1);
        assertThat(report("agent", Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z"))
                .getList("groups")).isEmpty();
    }

    @Test
    void refusesABadGroupingOrPeriodWithProblems() {
        given().auth().oauth2(manager()).queryParam("by", "team").queryParam("from", WEEK_FROM.toString())
                .queryParam("to", WEEK_TO.toString()).get(REPORT).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("'by'"));
        given().auth().oauth2(manager()).queryParam("from", WEEK_FROM.toString()).queryParam("to", WEEK_TO.toString())
                .get(REPORT).then().statusCode(400).body("detail", containsString("'by'"));
        given().auth().oauth2(manager()).queryParam("by", "agent").queryParam("from", "last week")
                .queryParam("to", WEEK_TO.toString()).get(REPORT).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("'from'"));
        given().auth().oauth2(manager()).queryParam("by", "agent").queryParam("from", WEEK_TO.toString())
                .queryParam("to", WEEK_FROM.toString()).get(REPORT).then().statusCode(400)
                .body("detail", containsString("before"));
        given().auth().oauth2(manager()).queryParam("by", "agent").queryParam("from", WEEK_FROM.toString()).get(REPORT)
                .then().statusCode(400).body("detail", containsString("'to'"));
    }

    @Test
    void isForManagersOnly() {
        given().queryParam("by", "agent").get(REPORT).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().auth().oauth2(agentToken()).queryParam("by", "agent").queryParam("from", WEEK_FROM.toString())
                .queryParam("to", WEEK_TO.toString()).get(REPORT).then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    // --- histograms of answers given through the API ---

    private void moveClockTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private String metrics() {
        return given().get(metricsUrl).then().statusCode(200).extract().asString();
    }

    /** The value of the Prometheus sample {@code name} whose labels include all of {@code labels}, or null. */
    private static Double sample(String metrics, String name, String... labels) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains))
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(null);
    }

    @Test
    void recordsFirstResponseAndReplyInBusinessSecondsOnTheHistograms() {
        String first = "tikun_routing_first_response_business_seconds";
        String reply = "tikun_routing_reply_business_seconds";
        String[] tags = { "channel=\"whatsapp\"", "severity=\"MEDIUM\"" };
        // Received Thursday 3 December at 17:50 Jerusalem, answered Sunday at 08:10: 20 business minutes.
        Instant received = Instant.parse("2026-12-03T15:50:00Z");
        moveClockTo(Instant.parse("2026-12-06T06:10:00Z"));
        String complaintId = UUID.randomUUID().toString();
        String customerId = "cust-" + complaintId;
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    complaintJson(complaintId, customerId, "MEDIUM", "whatsapp", received, null));
        }
        String id = awaitCase(complaintId).getString("id");
        // Its deadline passed over the weekend: let the escalation job take its step first, so the answer does not race it.
        await().atMost(WAIT).until(() -> "TEAM_LEAD".equals(awaitCase(complaintId).getString("level")));
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"summary\":\"Called back\"}")
                .post("/api/v1/cases/" + id + "/first-response").then().statusCode(200);

        String afterFirst = metrics();
        assertThat(sample(afterFirst, first + "_count", tags)).isEqualTo(1.0);
        assertThat(sample(afterFirst, first + "_sum", tags)).isBetween(1200.0, 1200.0 + SLACK_SECONDS);
        assertThat(sample(afterFirst, first + "_bucket", tags[0], tags[1], "le=\"1800")).isEqualTo(1.0);
        assertThat(sample(afterFirst, first + "_bucket", tags[0], tags[1], "le=\"900")).isZero();

        // The customer writes on Sunday at 17:50 and is answered on Monday at 08:10: 20 business minutes again.
        moveClockTo(Instant.parse("2026-12-06T16:00:00Z"));
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.message-added",
                    messageAddedJson(complaintId, customerId, UUID.randomUUID().toString(),
                            Instant.parse("2026-12-06T15:50:00Z")));
        }
        await().atMost(WAIT).until(() -> awaitCase(complaintId).getString("replyDueAt") != null);
        moveClockTo(Instant.parse("2026-12-07T06:10:00Z"));
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"text\":\"We are on it\"}")
                .post("/api/v1/cases/" + id + "/replies").then().statusCode(200);

        await().atMost(WAIT).until(() -> sample(metrics(), reply + "_count", tags) != null);
        String afterReply = metrics();
        assertThat(sample(afterReply, reply + "_count", tags)).isEqualTo(1.0);
        assertThat(sample(afterReply, reply + "_sum", tags)).isBetween(1200.0, 1200.0 + SLACK_SECONDS);

        // The report reads the same answers from the tables.
        JsonPath report = report("channel", Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(report.getList("groups.key", String.class)).containsExactly("whatsapp");
        assertThat(report.getDouble("groups[0].firstResponse.medianMinutes")).isBetween(20.0, 20.0 + SLACK_SECONDS / 60);
        assertThat(report.getDouble("groups[0].replies.medianMinutes")).isBetween(20.0, 20.0 + SLACK_SECONDS / 60);
    }
}
