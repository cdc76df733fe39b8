package io.tikun.routing.callback;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.path.json.JsonPath;
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
class CallbackTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CALLBACK_SCHEDULED = "tikun.case.callback-scheduled";
    private static final Duration CALLBACK_WITHIN = Duration.ofHours(2);
    private static final Duration RETRY_AFTER = Duration.ofHours(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String manager() {
        return OidcWiremockTestResource.getAccessToken("mira", Set.of("manager"));
    }

    private JsonPath complain(String customerId, String severity, String signal) {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    complaintJson(complaintId, customerId, severity, "web", Instant.now(), signal));
        }
        return awaitCase(complaintId);
    }

    /** A customer's second CRITICAL complaint: it opens one rung above CRITICAL's start, at the manager's callback. */
    private JsonPath repeatCriticalCase() {
        String customerId = "cust-" + UUID.randomUUID();
        complain(customerId, "CRITICAL", null);
        return complain(customerId, "CRITICAL", null);
    }

    private static JsonPath callbackOf(String caseId) {
        String id = given().auth().oauth2(manager()).queryParam("state", "OPEN").queryParam("size", 200)
                .get("/api/v1/callbacks").then().statusCode(200).extract().jsonPath()
                .getString("find { it.caseId == '" + caseId + "' }.id");
        assertThat(id).as("open callback of case " + caseId).isNotNull();
        return given().auth().oauth2(manager()).get("/api/v1/callbacks/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Response outcome(String callbackId, String json) {
        return given().auth().oauth2(manager()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/callbacks/" + callbackId + "/outcome");
    }

    @Test
    void aRepeatCriticalComplaintStartsAtTheManagersCallbackWithATaskHistoryAndAnEvent() {
        String customerId = "cust-" + UUID.randomUUID();
        JsonPath first = complain(customerId, "CRITICAL", null);
        assertThat(first.getString("level")).isEqualTo("SERVICE_MANAGER");
        assertThat(first.getString("escalations[0].reasonCode")).isEqualTo("OPENED");

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            JsonPath repeat = complain(customerId, "CRITICAL", null);

            assertThat(repeat.getString("level")).isEqualTo("MANAGER_CALLBACK");
            assertThat(repeat.getString("escalations[0].reasonCode")).isEqualTo("REPEAT_COMPLAINT");
            assertThat(repeat.getString("escalations[0].reason")).contains("repeat complaint (1 other case(s)");
            Instant callbackDue = Instant.parse(repeat.getString("callbackDueAt"));
            assertThat(callbackDue).isEqualTo(Instant.parse(repeat.getString("openedAt")).plus(CALLBACK_WITHIN));
            assertThat(repeat.getList("notifications.kind", String.class)).contains("CALLBACK_ASSIGNED");

            JsonPath task = callbackOf(repeat.getString("id"));
            assertThat(task.getString("state")).isEqualTo("OPEN");
            assertThat(task.getString("customer.name")).isEqualTo("Dana Levi");
            assertThat(task.getString("customer.phone")).isEqualTo("+972521234567");
            assertThat(task.getString("summary")).isEqualTo("Heater caught fire: It burned again.");
            assertThat(Instant.parse(task.getString("dueAt"))).isEqualTo(callbackDue);
            assertThat(task.getInt("attempts")).isZero();
            assertThat(task.getList("history.reference", String.class)).containsExactly(first.getString("reference"));

            ConsumerRecord<String, String> event = topic.await(r -> r.value().contains(repeat.getString("id"))
                    && CALLBACK_SCHEDULED.equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            assertThat(event.key()).isEqualTo(customerId);
            assertThat(event.value()).contains("\"change\":\"callback-scheduled\"")
                    .contains("\"callbackDueAt\":\"" + repeat.getString("callbackDueAt") + "\"");
            // One key, one partition: the case is announced opened before its callback, as it happened.
            List<String> changes = topic.all(r -> r.value().contains(repeat.getString("id")), Duration.ofSeconds(1))
                    .stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList();
            assertThat(changes).containsExactly("tikun.case.opened", CALLBACK_SCHEDULED);
        }
    }

    /** The signal intake really sends for a repeat complaint (its SeverityJudge; checked by IntakeContractTest). */
    private static final String INTAKES_REPEAT_SIGNAL = "REPEAT_COMPLAINTS";

    @Test
    void intakesRepeatSignalAndRoutingsOwnRecordTogetherClimbOnlyOneRung() {
        String customerId = "cust-" + UUID.randomUUID();
        assertThat(complain(customerId, "MEDIUM", null).getString("level")).isEqualTo("FRONTLINE");

        JsonPath both = complain(customerId, "MEDIUM", INTAKES_REPEAT_SIGNAL);
        assertThat(both.getString("level")).isEqualTo("TEAM_LEAD");
        assertThat(both.getList("escalations")).hasSize(1);
        assertThat(both.getString("escalations[0].reasonCode")).isEqualTo("REPEAT_COMPLAINT");

        JsonPath intakeOnly = complain("cust-" + UUID.randomUUID(), "MEDIUM", INTAKES_REPEAT_SIGNAL);
        assertThat(intakeOnly.getString("level")).isEqualTo("TEAM_LEAD");
        assertThat(intakeOnly.getString("escalations[0].reason")).contains("intake says so");
    }

    @Test
    void notReachedSchedulesTheNextCallAnnouncedAgainUntilTheLastAttempt() {
        JsonPath opened = repeatCriticalCase();
        String caseId = opened.getString("id");
        String callbackId = callbackOf(caseId).getString("id");

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            Instant before = Instant.now();
            JsonPath retry = outcome(callbackId, "{\"outcome\":\"NOT_REACHED\",\"note\":\"Voicemail\"}")
                    .then().statusCode(200).header("ETag", notNullValue()).extract().jsonPath();
            Instant after = Instant.now();

            assertThat(retry.getString("state")).isEqualTo("OPEN");
            assertThat(retry.getInt("attempts")).isEqualTo(1);
            assertThat(retry.getString("lastOutcome")).isEqualTo("NOT_REACHED");
            assertThat(retry.getString("calls[0].note")).isEqualTo("Voicemail");
            assertThat(retry.getString("calls[0].by")).isEqualTo("mira");
            Instant nextCall = Instant.parse(retry.getString("dueAt"));
            assertThat(nextCall).isBetween(before.plus(RETRY_AFTER).minusMillis(1), after.plus(RETRY_AFTER));
            assertThat(awaitCase(opened.getString("complaintId")).getString("callbackDueAt"))
                    .isEqualTo(retry.getString("dueAt"));

            List<ConsumerRecord<String, String>> scheduled = topic.all(r -> r.value().contains(caseId)
                    && CALLBACK_SCHEDULED.equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(3));
            assertThat(scheduled).hasSize(2);
            assertThat(scheduled.get(1).value()).contains("customer not reached on call 1 of 3");
        }

        outcome(callbackId, "{\"outcome\":\"NOT_REACHED\"}").then().statusCode(200).body("state", equalTo("OPEN"));
        outcome(callbackId, "{\"outcome\":\"NOT_REACHED\"}").then().statusCode(200)
                .body("state", equalTo("GAVE_UP")).body("attempts", equalTo(3));
        outcome(callbackId, "{\"outcome\":\"NOT_REACHED\"}").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("GAVE_UP"));

        // The first call and each of the two retries reached the manager once; giving up schedules nothing.
        List<String> callbackMails = awaitCase(opened.getString("complaintId")).getList(
                "notifications.findAll { it.kind == 'CALLBACK_ASSIGNED' && it.channel == 'email' }.recipient", String.class);
        assertThat(callbackMails).hasSize(3).containsOnly(callbackMails.get(0));
    }

    @Test
    void aFixPromisedOnTheCallBecomesACommitment() {
        JsonPath opened = repeatCriticalCase();
        String callbackId = callbackOf(opened.getString("id")).getString("id");
        outcome(callbackId, "{\"outcome\":\"REACHED_FIX_PROMISED\",\"note\":\"Spoke to her\"}").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("promise"));

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.made")) {
            String due = Instant.now().plus(Duration.ofDays(2)).toString();
            JsonPath done = outcome(callbackId, """
                    {"outcome":"REACHED_FIX_PROMISED","note":"She accepted",
                     "promise":{"what":"טכנאי יגיע ביום שלישי ויחליף את התנור","owner":"field-team","dueAt":"%s"}}"""
                    .formatted(due)).then().statusCode(200).extract().jsonPath();

            assertThat(done.getString("state")).isEqualTo("DONE");
            String commitmentId = done.getString("commitmentId");
            assertThat(commitmentId).isNotNull();
            ConsumerRecord<String, String> made = topic.await(r -> r.value().contains(commitmentId), WAIT);
            assertThat(KafkaTopicReader.header(made, "ce_type")).isEqualTo("tikun.commitment.made");
            assertThat(made.value()).contains("טכנאי יגיע ביום שלישי").contains("\"owner\":\"field-team\"")
                    .contains("\"madeBy\":\"mira\"").contains(opened.getString("id"));
        }
        outcome(callbackId, "{\"outcome\":\"NOT_REACHED\"}").then().statusCode(409).contentType(PROBLEM);
        // The call's summary first, then what was promised, by whom and by when.
        JsonPath conversation = awaitCase(opened.getString("complaintId"));
        assertThat(conversation.getList("messages.findAll { it.automatic }.kind", String.class))
                .containsExactly("CALLBACK_SUMMARY", "EXPECTATION_SUMMARY");
        assertThat(conversation.getString("messages.find { it.kind == 'CALLBACK_SUMMARY' }.body")).contains("She accepted");
        assertThat(conversation.getString("messages.find { it.kind == 'EXPECTATION_SUMMARY' }.body"))
                .contains("טכנאי יגיע ביום שלישי").contains("field-team");
    }

    @Test
    void reachedAndResolvedResolvesTheCase() {
        JsonPath opened = repeatCriticalCase();
        String callbackId = callbackOf(opened.getString("id")).getString("id");

        outcome(callbackId, "{\"outcome\":\"REACHED_RESOLVED\"}").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("note"));
        // Like an agent's resolution, a resolved call says why it happened (root cause from the configured list).
        outcome(callbackId, "{\"outcome\":\"REACHED_RESOLVED\",\"note\":\"Replaced the heater and refunded the visit\"}")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("rootCause"));
        outcome(callbackId, "{\"outcome\":\"REACHED_RESOLVED\",\"note\":\"Replaced the heater and refunded the visit\","
                + "\"rootCause\":\"no-such-cause\"}").then().statusCode(400).contentType(PROBLEM);
        outcome(callbackId, "{\"outcome\":\"REACHED_RESOLVED\",\"note\":\"Replaced the heater and refunded the visit\","
                + "\"rootCause\":\"product-defect\",\"category\":\"product_defect\"}")
                .then().statusCode(200).body("state", equalTo("DONE")).body("lastOutcome", equalTo("REACHED_RESOLVED"));

        JsonPath resolved = awaitCase(opened.getString("complaintId"));
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolved.getString("rootCause")).isEqualTo("product-defect");
        assertThat(resolved.getString("category")).isEqualTo("product_defect");
        assertThat(resolved.getList("resolutions")).hasSize(1);
        assertThat(resolved.getString("resolutions[0].rootCause")).isEqualTo("product-defect");
        assertThat(resolved.getString("resolution")).isEqualTo("Replaced the heater and refunded the visit");
        // The customer hears what the call agreed, then the thanks of the resolution.
        assertThat(resolved.getList("messages.findAll { it.automatic }.kind", String.class))
                .containsExactly("CALLBACK_SUMMARY", "THANK_YOU");
        assertThat(resolved.getString("messages.find { it.kind == 'CALLBACK_SUMMARY' }.body"))
                .contains("Replaced the heater and refunded the visit");
    }

    @Test
    void answersStaleUnknownForbiddenAndMalformedRequestsWithProblems() {
        JsonPath task = callbackOf(repeatCriticalCase().getString("id"));

        given().auth().oauth2(manager()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + (task.getLong("version") + 5) + "\"")
                .body("{\"outcome\":\"NOT_REACHED\"}").post("/api/v1/callbacks/" + task.getString("id") + "/outcome")
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(manager()).get("/api/v1/callbacks/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/callbacks").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(manager()).queryParam("state", "LOST").get("/api/v1/callbacks").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("'state' must be one of OPEN, DONE, GAVE_UP"));
        given().auth().oauth2(manager()).queryParam("due", "tomorrow").get("/api/v1/callbacks").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("'due'"));
        outcome(task.getString("id"), "{\"outcome\":\"MAYBE\"}").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void listsOpenCallbacksDueByAGivenTimeSoonestFirst() {
        String caseId = repeatCriticalCase().getString("id");
        Instant due = Instant.parse(callbackOf(caseId).getString("dueAt"));

        Response dueByThen = given().auth().oauth2(manager()).queryParam("state", "open")
                .queryParam("due", due.toString()).queryParam("size", 200).get("/api/v1/callbacks");
        dueByThen.then().statusCode(200).header("X-Total-Count", notNullValue());
        assertThat(dueByThen.jsonPath().getList("caseId", String.class)).contains(caseId);
        List<String> dueTimes = dueByThen.jsonPath().getList("dueAt", String.class);
        assertThat(dueTimes).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));

        List<String> dueBefore = given().auth().oauth2(manager()).queryParam("due", due.minusSeconds(1).toString())
                .queryParam("size", 200).get("/api/v1/callbacks").then().statusCode(200).extract().jsonPath()
                .getList("caseId", String.class);
        assertThat(dueBefore).doesNotContain(caseId);
    }
}
