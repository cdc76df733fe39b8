package io.tikun.routing.cases;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.escalationChecksCaughtUp;
import static io.tikun.routing.CaseFixtures.messageAddedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.escalation.EscalationJob;
import io.tikun.routing.time.MovableClock;
import io.tikun.routing.time.MovableClockProfile;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@TestProfile(MovableClockProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WaitOnCustomerTest {

    private static final String PROBLEM = "application/problem+json";
    // Past the fixtures' one-hour first-response promise: a running clock would have escalated by then.
    private static final Duration LONG_WAIT = Duration.ofHours(2);
    private static final Duration REPLY_WITHIN = Duration.ofHours(4);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MovableClock clock;

    @Inject
    EscalationJob job;

    private record Opened(String complaintId, String customerId, JsonPath view) {
    }

    private Opened openCritical() {
        String complaintId = UUID.randomUUID().toString();
        String customerId = "cust-" + complaintId;
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    complaintJson(complaintId, customerId, "CRITICAL", "email", clock.instant(), null));
        }
        return new Opened(complaintId, customerId, awaitCase(complaintId));
    }

    private static JsonPath act(String caseId, String action) {
        return given().auth().oauth2(agentToken()).post("/api/v1/cases/" + caseId + "/" + action).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Instant instant(JsonPath json, String field) {
        return Instant.parse(json.getString(field));
    }

    @Test
    void theClocksStandStillWhileTheCaseWaitsAndMoveByTheWaitWhenResumed() {
        Opened opened = openCritical();
        String id = opened.view().getString("id");

        JsonPath waiting = act(id, "wait-on-customer");
        assertThat(waiting.getString("status")).isEqualTo("WAITING_ON_CUSTOMER");
        Instant pausedAt = instant(waiting, "waitingSince");

        clock.advance(LONG_WAIT);
        // The first-response deadline has passed on the wall clock, but the case's clock stands still.
        escalationChecksCaughtUp(job);
        assertThat(awaitCase(opened.complaintId()).getList("escalations")).hasSize(1);

        JsonPath resumed = act(id, "resume");
        Duration waited = Duration.between(pausedAt, instant(resumed, "updatedAt"));
        assertThat(waited).isGreaterThanOrEqualTo(LONG_WAIT);
        assertThat(resumed.getString("status")).isEqualTo("OPEN");
        assertThat(resumed.getString("waitingSince")).isNull();
        // CRITICAL runs around the clock: every deadline moves by exactly the wait.
        assertThat(instant(resumed, "firstResponseDueAt")).isEqualTo(instant(waiting, "firstResponseDueAt").plus(waited));
        assertThat(instant(resumed, "resolutionDueAt")).isEqualTo(instant(waiting, "resolutionDueAt").plus(waited));
        assertThat(instant(resumed, "escalationDueAt")).isEqualTo(instant(resumed, "firstResponseDueAt"));
        assertThat(resumed.getString("level")).isEqualTo("SERVICE_MANAGER");
    }

    @Test
    void theCustomersAnswerEndsTheWaitAndStartsTheReplyTimer() {
        Opened opened = openCritical();
        String id = opened.view().getString("id");
        JsonPath waiting = act(id, "wait-on-customer");
        clock.advance(Duration.ofMinutes(30));

        Instant wroteAt = clock.instant();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", opened.customerId(), UUID.randomUUID().toString(),
                    "tikun.complaint.message-added",
                    messageAddedJson(opened.complaintId(), opened.customerId(), UUID.randomUUID().toString(), wroteAt));
        }

        JsonPath answered = await().atMost(WAIT).until(() -> awaitCase(opened.complaintId()),
                json -> "OPEN".equals(json.getString("status")));
        Duration waited = Duration.between(instant(waiting, "waitingSince"), instant(answered, "updatedAt"));
        assertThat(instant(answered, "firstResponseDueAt")).isEqualTo(instant(waiting, "firstResponseDueAt").plus(waited));
        assertThat(answered.getString("messages[0].kind")).isEqualTo("COMPLAINT");
        assertThat(answered.getString("messages[1].author")).isEqualTo("CUSTOMER");
        assertThat(answered.getString("messages[1].kind")).isEqualTo("CUSTOMER_MESSAGE");
        assertThat(answered.getString("messages[1].body")).isEqualTo("עברו יומיים ואף אחד לא חזר אליי.");
        assertThat(instant(answered, "replyDueAt")).isEqualTo(Instant.parse(wroteAt.toString()).plus(REPLY_WITHIN)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void refusesToWaitTwiceToResumeARunningCaseOrToAnswerWhileWaiting() {
        String id = openCritical().view().getString("id");

        given().auth().oauth2(agentToken()).post("/api/v1/cases/" + id + "/resume").then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("Only a case waiting on the customer"));
        act(id, "wait-on-customer");
        given().auth().oauth2(agentToken()).post("/api/v1/cases/" + id + "/wait-on-customer").then().statusCode(409)
                .contentType(PROBLEM);
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"summary\":\"Called\"}")
                .post("/api/v1/cases/" + id + "/first-response").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("resume it first"));
    }
}
