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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
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
import io.tikun.routing.sla.BusinessCalendar;
import io.tikun.routing.sla.SlaClock;
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

/** The resolution timer: a case not resolved by its resolution deadline climbs one rung, once. */
@QuarkusTest
@TestProfile(ResolutionEscalationTest.OwnClockAndDatabase.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ResolutionEscalationTest {

    /**
     * An application and database of its own: these tests move time on by weeks of office hours, which would
     * fire the resolution deadline of every case the other clock-moving tests leave open.
     */
    public static class OwnClockAndDatabase extends MovableClockProfile {
    }

    private static final String MANAGER = "manager@tikun.local";
    private static final String ESCALATED = "tikun.case.escalated";
    private static final Duration A_MINUTE = Duration.ofMinutes(1);
    // Several checks (one a second) run in this window: long enough to see an escalation if one happened.
    private static final Duration SEVERAL_CHECKS = Duration.ofSeconds(4);
    // Past the fixtures' one-hour first-response promise and one re-escalation step after it.
    private static final Duration PAST_THE_FIRST_RESPONSE = Duration.ofMinutes(61);
    private static final Duration RE_ESCALATE_AFTER = Duration.ofHours(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    MovableClock clock;

    @Inject
    SlaClock sla;

    @Inject
    EscalationJob job;

    @Inject
    Scheduler scheduler;

    @Inject
    Vertx vertx;

    private record Opened(String id, String reference) {
    }

    private Opened open(String severity) {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received",
                    complaintJson(complaintId, reference, severity, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
        return new Opened(awaitCase(complaintId).getString("id"), reference);
    }

    /** A case whose first response is recorded, so only its resolution deadline can still move it. */
    private Opened openAnswered(String severity) {
        Opened opened = open(severity);
        act(opened.id(), "first-response", "{\"summary\":\"Called her, technician booked\"}");
        return opened;
    }

    private static JsonPath act(String id, String action) {
        return given().auth().oauth2(agentToken()).post("/api/v1/cases/" + id + "/" + action).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath act(String id, String action, String body) {
        return given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + id + "/" + action).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath view(String id) {
        return given().auth().oauth2(agentToken()).get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Instant instant(JsonPath json, String field) {
        return Instant.parse(json.getString(field));
    }

    private static Instant resolutionDue(String id) {
        return instant(view(id), "resolutionDueAt");
    }

    private void moveClockTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private static List<String> reasonCodes(JsonPath view) {
        return view.getList("escalations.reasonCode", String.class);
    }

    private static List<String> escalatedAlertLevels(JsonPath view) {
        return view.getList("notifications.findAll { it.kind == 'ESCALATED' && it.channel == 'email' }.level", String.class);
    }

    private List<CapturedMail> escalationMails(String reference) {
        return mail.messages().stream()
                .filter(m -> m.isTo(MANAGER) && m.subject().contains(reference) && m.subject().contains("Escalated"))
                .toList();
    }

    /** Lets the escalation checks catch up with the clock and proves the case kept exactly these ladder steps. */
    private void stillOnlySteps(String id, String... reasonCodes) {
        escalationChecksCaughtUp(job);
        assertThat(reasonCodes(view(id))).containsExactly(reasonCodes);
    }

    @Test
    void anAnsweredButUnresolvedCaseClimbsOnceAtItsResolutionDeadlineWithTheReason() {
        Opened opened = openAnswered("MEDIUM");
        JsonPath answered = view(opened.id());
        assertThat(answered.getString("level")).isEqualTo("FRONTLINE");
        Instant due = instant(answered, "resolutionDueAt");
        // MEDIUM: 50 office hours from receipt.
        assertThat(due).isEqualTo(sla.resolutionDue(Severity.MEDIUM, instant(answered, "receivedAt")));

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            moveClockTo(due.minus(A_MINUTE));
            stillOnlySteps(opened.id(), "OPENED");

            clock.advance(A_MINUTE.multipliedBy(2));

            JsonPath escalated = await().atMost(WAIT).until(() -> view(opened.id()),
                    json -> "TEAM_LEAD".equals(json.getString("level")));
            assertThat(reasonCodes(escalated)).containsExactly("OPENED", "RESOLUTION_OVERDUE");
            assertThat(escalated.getString("escalations[1].from")).isEqualTo("FRONTLINE");
            assertThat(escalated.getString("escalations[1].to")).isEqualTo("TEAM_LEAD");
            assertThat(escalated.getString("escalations[1].reason"))
                    .isEqualTo("resolution due " + escalated.getString("resolutionDueAt") + " was missed");
            assertThat(instant(escalated, "escalations[1].at")).isAfterOrEqualTo(due);
            assertThat(escalated.getString("status")).isEqualTo("RESPONDED");
            assertThat(escalated.getString("escalationDueAt")).isNull();

            ConsumerRecord<String, String> event = topic.await(r -> r.value().contains(opened.id())
                    && ESCALATED.equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            assertThat(event.value()).contains("\"change\":\"escalated\"").contains("\"level\":\"TEAM_LEAD\"")
                    .contains("resolution due");
            assertThat(event.key()).startsWith("cust-");

            CapturedMail alert = mail.await(m -> m.isTo(MANAGER) && m.subject().contains(opened.reference())
                    && m.subject().contains("Escalated to TEAM_LEAD") && m.subject().endsWith("not resolved in time"), WAIT);
            assertThat(alert.text()).contains("FRONTLINE -> TEAM_LEAD").contains("resolution due").contains("was missed");

            // The timer fired and ended: later checks, even hours later, never climb for the same deadline again.
            clock.advance(RE_ESCALATE_AFTER.multipliedBy(2));
            stillOnlySteps(opened.id(), "OPENED", "RESOLUTION_OVERDUE");
            assertThat(escalatedAlertLevels(view(opened.id()))).containsExactly("TEAM_LEAD");
            assertThat(escalationMails(opened.reference())).hasSize(1);
            assertThat(topic.all(r -> r.value().contains(opened.id())
                    && ESCALATED.equals(KafkaTopicReader.header(r, "ce_type")), SEVERAL_CHECKS)).hasSize(1);
        }
    }

    @Test
    void aResolvedCaseNeverClimbsForItsResolutionDeadlineNorWhenReopenedAfterIt() {
        Opened opened = openAnswered("MEDIUM");
        act(opened.id(), "resolve",
                "{\"resolution\":\"Heater replaced\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}");
        Instant due = resolutionDue(opened.id());

        moveClockTo(due.plus(A_MINUTE));
        stillOnlySteps(opened.id(), "OPENED");

        // Reopening after the deadline is not a new breach: the resolution timer stays off.
        JsonPath reopened = act(opened.id(), "reopen", "{\"reason\":\"It broke again\"}");
        assertThat(reopened.getString("status")).isEqualTo("OPEN");
        stillOnlySteps(opened.id(), "OPENED");

        JsonPath after = view(opened.id());
        assertThat(after.getString("level")).isEqualTo("FRONTLINE");
        assertThat(escalatedAlertLevels(after)).isEmpty();
        assertThat(escalationMails(opened.reference())).isEmpty();
    }

    @Test
    void aCaseWaitingOnTheCustomerDoesNotClimbAndItsResolutionDeadlineMovesByThePausedOfficeHours() {
        Opened opened = openAnswered("MEDIUM");
        JsonPath waiting = act(opened.id(), "wait-on-customer");
        Instant pausedAt = instant(waiting, "waitingSince");
        Instant due = instant(waiting, "resolutionDueAt");

        // The deadline passes on the wall clock while the case's clocks stand still.
        moveClockTo(due.plus(A_MINUTE));
        stillOnlySteps(opened.id(), "OPENED");

        JsonPath resumed = act(opened.id(), "resume");
        Instant resumedAt = instant(resumed, "updatedAt");
        Instant moved = instant(resumed, "resolutionDueAt");
        BusinessCalendar officeHours = sla.calendarFor(Severity.MEDIUM);
        assertThat(resumed.getString("status")).isEqualTo("RESPONDED");
        assertThat(moved).isAfter(due).isEqualTo(SlaClock.afterPause(due, pausedAt, resumedAt, officeHours));
        // The office hours that were left when the wait began are left again from the resumption.
        assertThat(officeHours.businessTimeBetween(resumedAt, moved))
                .isEqualTo(officeHours.businessTimeBetween(pausedAt, due));

        // The old deadline is long past, but the timer moved with the deadline.
        stillOnlySteps(opened.id(), "OPENED");

        moveClockTo(moved.plus(A_MINUTE));
        JsonPath escalated = await().atMost(WAIT).until(() -> view(opened.id()),
                json -> "TEAM_LEAD".equals(json.getString("level")));
        assertThat(escalated.getString("escalations[1].reason")).isEqualTo("resolution due " + moved + " was missed");
        stillOnlySteps(opened.id(), "OPENED", "RESOLUTION_OVERDUE");
    }

    @Test
    void anUnansweredCaseClimbsOnceForItsFirstResponseAndOnceForItsResolutionOneRungPerCheck() throws Exception {
        scheduler.pause(EscalationJob.IDENTITY);
        try {
            Opened opened = open("MEDIUM");
            // The service was down: by the next check both the first response and the resolution are overdue.
            moveClockTo(resolutionDue(opened.id()).plus(A_MINUTE));

            runCheck();
            assertThat(reasonCodes(view(opened.id()))).containsExactly("OPENED", "FIRST_RESPONSE_MISSED");
            assertThat(view(opened.id()).getString("level")).isEqualTo("TEAM_LEAD");

            runCheck();
            JsonPath both = view(opened.id());
            assertThat(reasonCodes(both)).containsExactly("OPENED", "FIRST_RESPONSE_MISSED", "RESOLUTION_OVERDUE");
            assertThat(both.getString("level")).isEqualTo("SERVICE_MANAGER");

            runCheck();
            assertThat(reasonCodes(view(opened.id()))).hasSize(3);

            // The first-response timer still climbs on its own schedule; the resolution timer never fires again.
            clock.advance(RE_ESCALATE_AFTER.plus(PAST_THE_FIRST_RESPONSE));
            runCheck();
            runCheck();
            JsonPath later = view(opened.id());
            assertThat(reasonCodes(later)).containsExactly("OPENED", "FIRST_RESPONSE_MISSED", "RESOLUTION_OVERDUE",
                    "FIRST_RESPONSE_MISSED");
            assertThat(later.getString("level")).isEqualTo("SERVICE_MANAGER");
            assertThat(later.getString("escalationDueAt")).isNull();
            assertThat(escalatedAlertLevels(later)).containsExactly("TEAM_LEAD", "SERVICE_MANAGER");
        } finally {
            scheduler.resume(EscalationJob.IDENTITY);
        }
    }

    @Test
    void twoConcurrentChecksEscalateEachOverdueResolutionExactlyOnce() throws Exception {
        // The scheduled check would race the two callers below; pausing it makes them the ones competing.
        scheduler.pause(EscalationJob.IDENTITY);
        try {
            List<Opened> opened = List.of(openAnswered("MEDIUM"), openAnswered("MEDIUM"), openAnswered("MEDIUM"));
            Instant latest = opened.stream().map(c -> resolutionDue(c.id())).max(Comparator.naturalOrder()).orElseThrow();
            moveClockTo(latest.plus(A_MINUTE));

            CompletableFuture<EscalationService.Escalations> first = onOwnContext(job::escalateDue);
            CompletableFuture<EscalationService.Escalations> second = onOwnContext(job::escalateDue);
            CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            List<String> ids = opened.stream().map(Opened::id).toList();
            List<String> escalated = Stream.concat(first.get().caseIds().stream(), second.get().caseIds().stream())
                    .map(UUID::toString).filter(ids::contains).toList();
            // Exactly these cases, each once: neither caller escalated a case the other did.
            assertThat(escalated).containsExactlyInAnyOrderElementsOf(ids);
            for (Opened c : opened) {
                JsonPath after = view(c.id());
                assertThat(after.getString("level")).isEqualTo("TEAM_LEAD");
                assertThat(reasonCodes(after)).containsExactly("OPENED", "RESOLUTION_OVERDUE");
                assertThat(escalatedAlertLevels(after)).containsExactly("TEAM_LEAD");
            }
        } finally {
            scheduler.resume(EscalationJob.IDENTITY);
        }
    }

    /** One check as the scheduler would run it, on a Vert.x context of its own, waited for. */
    private void runCheck() throws Exception {
        onOwnContext(job::escalateDue).get(WAIT.toSeconds(), TimeUnit.SECONDS);
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
}
