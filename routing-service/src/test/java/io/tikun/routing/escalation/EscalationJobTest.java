package io.tikun.routing.escalation;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.escalationChecksCaughtUp;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.time.MovableClock;
import io.tikun.routing.time.MovableClockProfile;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@QuarkusTest
@TestProfile(MovableClockProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class EscalationJobTest {

    private static final String MANAGER = "manager@tikun.local";
    // The fixtures promise a first response within an hour of receipt; a minute later it is missed.
    private static final Duration PAST_THE_DEADLINE = Duration.ofMinutes(61);
    private static final Duration RE_ESCALATE_AFTER = Duration.ofHours(1);
    private static final Duration CALLBACK_WITHIN = Duration.ofHours(2);
    // Several checks (one a second) run in this window: long enough to see a second escalation if one happened.
    private static final Duration SEVERAL_CHECKS = Duration.ofSeconds(4);
    private static final Duration MUCH_LATER = Duration.ofHours(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    MovableClock clock;

    @Inject
    EscalationJob job;

    @Inject
    Scheduler scheduler;

    @Inject
    Vertx vertx;

    private record OpenedCase(String id, String reference) {
    }

    private OpenedCase openCase(String severity) {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, reference, severity, clock.instant()));
        }
        return new OpenedCase(awaitCase(complaintId).getString("id"), reference);
    }

    private static JsonPath view(String id) {
        return given().auth().oauth2(agentToken()).get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitLevel(String id, String level) {
        return await().atMost(WAIT).until(() -> view(id), json -> level.equals(json.getString("level")));
    }

    private static List<String> escalatedAlertLevels(JsonPath view) {
        return view.getList("notifications.findAll { it.kind == 'ESCALATED' && it.channel == 'email' }.level", String.class);
    }

    private List<CapturedMail> escalationMails(String reference) {
        return mail.messages().stream()
                .filter(m -> m.isTo(MANAGER) && m.subject().contains(reference) && m.subject().contains("Escalated"))
                .toList();
    }

    @Test
    void escalatesAnUnansweredCaseOneRungPerMissedDeadlineAndAlertsTheManagerOnce() {
        OpenedCase opened = openCase("MEDIUM");
        assertThat(view(opened.id()).getString("level")).isEqualTo("FRONTLINE");
        assertThat(Instant.parse(view(opened.id()).getString("escalationDueAt")))
                .isEqualTo(Instant.parse(view(opened.id()).getString("firstResponseDueAt")));

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            clock.advance(PAST_THE_DEADLINE);

            JsonPath escalated = awaitLevel(opened.id(), "TEAM_LEAD");
            assertThat(escalated.getList("escalations")).hasSize(2);
            assertThat(escalated.getString("escalations[1].from")).isEqualTo("FRONTLINE");
            assertThat(escalated.getString("escalations[1].to")).isEqualTo("TEAM_LEAD");
            assertThat(escalated.getString("escalations[1].reason"))
                    .isEqualTo("first response due " + escalated.getString("firstResponseDueAt") + " was missed");
            Instant escalatedAt = Instant.parse(escalated.getString("escalations[1].at"));
            assertThat(Instant.parse(escalated.getString("escalationDueAt"))).isEqualTo(escalatedAt.plus(RE_ESCALATE_AFTER));
            assertThat(escalated.getString("callbackDueAt")).isNull();

            ConsumerRecord<String, String> event = topic.await(r -> r.value().contains(opened.id())
                    && "tikun.case.escalated".equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            assertThat(event.value()).contains("\"change\":\"escalated\"").contains("\"level\":\"TEAM_LEAD\"");
            assertThat(event.key()).startsWith("cust-");

            CapturedMail alert = mail.await(m -> m.isTo(MANAGER) && m.subject().contains(opened.reference())
                    && m.subject().contains("Escalated to TEAM_LEAD"), WAIT);
            assertThat(alert.text()).contains("FRONTLINE -> TEAM_LEAD").contains("was missed");
            // Every attempt carries the stored alert's id, so a copy re-sent after a crash is the same message.
            String alertId = view(opened.id()).getString(
                    "notifications.find { it.kind == 'ESCALATED' && it.channel == 'email' && it.level == 'TEAM_LEAD' }.id");
            assertThat(alert.header("Message-ID")).isEqualTo("<notification." + alertId + "@tikun.local>");

            // Checks keep running every second; none may escalate the same breach again.
            escalationChecksCaughtUp(job);
            assertThat(view(opened.id()).getList("escalations")).hasSize(2);
            assertThat(escalatedAlertLevels(view(opened.id()))).containsExactly("TEAM_LEAD");
            assertThat(escalationMails(opened.reference())).hasSize(1);
            assertThat(topic.all(r -> r.value().contains(opened.id())
                    && "tikun.case.escalated".equals(KafkaTopicReader.header(r, "ce_type")), SEVERAL_CHECKS)).hasSize(1);

            clock.advance(RE_ESCALATE_AFTER);

            JsonPath again = awaitLevel(opened.id(), "SERVICE_MANAGER");
            assertThat(again.getList("escalations")).hasSize(3);
            assertThat(again.getString("escalations[2].from")).isEqualTo("TEAM_LEAD");
            await().atMost(WAIT).until(() -> escalationMails(opened.reference()).size() == 2);
            assertThat(escalatedAlertLevels(again)).containsExactly("TEAM_LEAD", "SERVICE_MANAGER");
        }
    }

    @Test
    void neverEscalatesACaseWhoseFirstResponseWasRecorded() {
        OpenedCase opened = openCase("MEDIUM");
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON)
                .body("{\"summary\":\"Called her, technician booked\"}")
                .post("/api/v1/cases/" + opened.id() + "/first-response").then().statusCode(200)
                .body("status", equalTo("RESPONDED"))
                .body("escalationDueAt", nullValue());

        clock.advance(PAST_THE_DEADLINE.plus(RE_ESCALATE_AFTER));

        escalationChecksCaughtUp(job);
        JsonPath answered = view(opened.id());
        assertThat(answered.getString("level")).isEqualTo("FRONTLINE");
        assertThat(answered.getList("escalations")).hasSize(1);
        assertThat(escalatedAlertLevels(answered)).isEmpty();
        assertThat(escalationMails(opened.reference())).isEmpty();
    }

    @Test
    void reopeningAnUnansweredCaseAfterItsDeadlineGivesAnHourBeforeItEscalates() {
        OpenedCase opened = openCase("MEDIUM");
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body(
                "{\"resolution\":\"Duplicate of another case\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}")
                .post("/api/v1/cases/" + opened.id() + "/resolve").then().statusCode(200)
                .body("escalationDueAt", nullValue());
        clock.advance(PAST_THE_DEADLINE);

        JsonPath reopened = given().auth().oauth2(agentToken()).contentType(ContentType.JSON)
                .body("{\"reason\":\"Not a duplicate after all\"}").post("/api/v1/cases/" + opened.id() + "/reopen")
                .then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(reopened.getString("escalationDueAt")))
                .isEqualTo(Instant.parse(reopened.getString("updatedAt")).plus(RE_ESCALATE_AFTER));
        assertThat(reopened.getString("level")).isEqualTo("FRONTLINE");
    }

    @Test
    void escalatesABreachingCriticalCaseToTheManagersCallbackDueTwoHoursLater() {
        OpenedCase opened = openCase("CRITICAL");
        assertThat(view(opened.id()).getString("level")).isEqualTo("SERVICE_MANAGER");

        clock.advance(PAST_THE_DEADLINE);

        JsonPath callback = awaitLevel(opened.id(), "MANAGER_CALLBACK");
        Instant escalatedAt = Instant.parse(callback.getString("escalations[1].at"));
        assertThat(Instant.parse(callback.getString("callbackDueAt"))).isEqualTo(escalatedAt.plus(CALLBACK_WITHIN));
        assertThat(callback.getString("escalationDueAt")).isNull();
        assertThat(callback.getString("escalations[1].reason")).contains("was missed").contains("call the customer back");

        CapturedMail alert = mail.await(m -> m.isTo(MANAGER) && m.subject().contains(opened.reference())
                && m.subject().contains("Escalated to MANAGER_CALLBACK"), WAIT);
        assertThat(alert.text()).contains("Call the customer back by").contains("+972521234567");

        // At the top no timer runs any more: more time changes nothing.
        clock.advance(MUCH_LATER);
        escalationChecksCaughtUp(job);
        assertThat(view(opened.id()).getList("escalations")).hasSize(2);
        assertThat(escalatedAlertLevels(view(opened.id()))).containsExactly("MANAGER_CALLBACK");
    }

    @Test
    void twoConcurrentChecksEscalateEachDueCaseExactlyOnce() throws Exception {
        // The scheduled check would race the two callers below and might take the cases first; pausing it
        // makes sure the two concurrent callers are the ones competing.
        scheduler.pause(EscalationJob.IDENTITY);
        try {
            List<OpenedCase> opened = List.of(openCase("LOW"), openCase("LOW"), openCase("LOW"));
            clock.advance(PAST_THE_DEADLINE);

            CompletableFuture<EscalationService.Escalations> first = onOwnContext(job::escalateDue);
            CompletableFuture<EscalationService.Escalations> second = onOwnContext(job::escalateDue);
            CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            List<String> ids = opened.stream().map(OpenedCase::id).toList();
            List<String> escalatedByFirst = first.get().caseIds().stream().map(UUID::toString).filter(ids::contains).toList();
            List<String> escalatedBySecond = second.get().caseIds().stream().map(UUID::toString).filter(ids::contains)
                    .toList();
            // Exactly these cases, each once: neither caller escalated a case the other did.
            assertThat(concat(escalatedByFirst, escalatedBySecond)).containsExactlyInAnyOrderElementsOf(ids);
            for (OpenedCase c : opened) {
                JsonPath after = view(c.id());
                assertThat(after.getString("level")).isEqualTo("TEAM_LEAD");
                assertThat(after.getList("escalations")).hasSize(2);
                assertThat(escalatedAlertLevels(after)).containsExactly("TEAM_LEAD");
            }
        } finally {
            scheduler.resume(EscalationJob.IDENTITY);
        }
    }

    /**
     * Runs {@code work} in a fresh Vert.x context, as a separate scheduler thread or instance would: its own session and
     * transaction.
     */
    private <T> CompletableFuture<T> onOwnContext(Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
