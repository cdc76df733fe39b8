package io.tikun.routing.escalation;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.escalationChecksCaughtUp;
import static io.tikun.routing.CaseFixtures.messageAddedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

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
import io.tikun.routing.sla.SlaClock;
import io.tikun.routing.time.MovableClock;
import io.tikun.routing.time.MovableClockProfile;
import io.tikun.stack.testing.CloudEventSender;
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
class UnansweredReplyEscalationTest {

    private static final Duration REPLY_WITHIN = Duration.ofHours(4);
    private static final Duration PAST_THE_REPLY_DEADLINE = REPLY_WITHIN.plusMinutes(1);
    private static final Duration SEVERAL_CHECKS = Duration.ofSeconds(4);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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

    private record Opened(String complaintId, String customerId, String id) {
    }

    /** A case whose first response is recorded, so only the reply timer can move it. */
    private Opened openAnswered(String severity) {
        String complaintId = UUID.randomUUID().toString();
        String customerId = "cust-" + complaintId;
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    complaintJson(complaintId, customerId, severity, "email", clock.instant(), null));
        }
        String id = awaitCase(complaintId).getString("id");
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"summary\":\"Called her\"}")
                .post("/api/v1/cases/" + id + "/first-response").then().statusCode(200);
        return new Opened(complaintId, customerId, id);
    }

    private void customerWrites(Opened opened, String eventId, String messageId, Instant at) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", opened.customerId(), eventId, "tikun.complaint.message-added",
                    messageAddedJson(opened.complaintId(), opened.customerId(), messageId, at));
        }
    }

    /** The customer's further messages on the case (the conversation also holds the complaint and the answers). */
    private static int customerMessages(JsonPath json) {
        return json.getList("messages.findAll { it.kind == 'CUSTOMER_MESSAGE' }").size();
    }

    private static JsonPath awaitMessages(Opened opened, int count) {
        return await().atMost(WAIT).until(() -> awaitCase(opened.complaintId()),
                json -> customerMessages(json) == count);
    }

    @Test
    void anUnansweredReplyMovesTheCaseUpOnceAndTheTopGivesTheManagerACallback() {
        Opened opened = openAnswered("CRITICAL");
        Instant wroteAt = clock.instant();
        customerWrites(opened, UUID.randomUUID().toString(), UUID.randomUUID().toString(), wroteAt);
        JsonPath joined = awaitMessages(opened, 1);
        assertThat(Instant.parse(joined.getString("replyDueAt")))
                .isEqualTo(wroteAt.plus(REPLY_WITHIN).truncatedTo(ChronoUnit.MICROS));

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            clock.advance(PAST_THE_REPLY_DEADLINE);

            JsonPath escalated = await().atMost(WAIT).until(() -> awaitCase(opened.complaintId()),
                    json -> "MANAGER_CALLBACK".equals(json.getString("level")));
            assertThat(escalated.getString("escalations[1].reasonCode")).isEqualTo("UNANSWERED_CUSTOMER_REPLY");
            assertThat(escalated.getString("escalations[1].from")).isEqualTo("SERVICE_MANAGER");
            assertThat(escalated.getString("replyDueAt")).isNull();
            assertThat(escalated.getString("callbackDueAt")).isNotNull();

            escalationChecksCaughtUp(job);
            assertThat(awaitCase(opened.complaintId()).getList("escalations")).hasSize(2);
            assertThat(topic.all(r -> r.value().contains(opened.id())
                    && "tikun.case.escalated".equals(KafkaTopicReader.header(r, "ce_type")), SEVERAL_CHECKS)).hasSize(1);
            assertThat(topic.all(r -> r.value().contains(opened.id())
                    && "tikun.case.callback-scheduled".equals(KafkaTopicReader.header(r, "ce_type")), SEVERAL_CHECKS))
                    .hasSize(1);
        }
        assertThat(given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mira", Set.of("manager")))
                .queryParam("state", "OPEN").queryParam("size", 200).get("/api/v1/callbacks")
                .then().statusCode(200).extract().jsonPath().getList("caseId", String.class)).contains(opened.id());
    }

    @Test
    void anAnsweredReplyNeverEscalates() {
        Opened opened = openAnswered("CRITICAL");
        customerWrites(opened, UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.instant());
        awaitMessages(opened, 1);

        JsonPath replied = given().auth().oauth2(agentToken()).contentType(ContentType.JSON)
                .body("{\"text\":\"The technician comes tomorrow at nine\"}").post("/api/v1/cases/" + opened.id() + "/replies")
                .then().statusCode(200).extract().jsonPath();
        assertThat(replied.getString("replyDueAt")).isNull();
        assertThat(replied.getList("messages.kind", String.class))
                .containsExactly("COMPLAINT", "PHONE_RESPONSE", "CUSTOMER_MESSAGE", "AGENT_REPLY");

        clock.advance(PAST_THE_REPLY_DEADLINE);
        escalationChecksCaughtUp(job);
        assertThat(awaitCase(opened.complaintId()).getList("escalations")).hasSize(1);
        assertThat(awaitCase(opened.complaintId()).getString("level")).isEqualTo("SERVICE_MANAGER");
    }

    @Test
    void aRedeliveredOrResentMessageJoinsTheCaseOnce() {
        Opened opened = openAnswered("HIGH");
        String eventId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        Instant wroteAt = clock.instant();
        customerWrites(opened, eventId, messageId, wroteAt);
        customerWrites(opened, eventId, messageId, wroteAt);
        customerWrites(opened, UUID.randomUUID().toString(), messageId, wroteAt);
        String marker = UUID.randomUUID().toString();
        customerWrites(opened, UUID.randomUUID().toString(), marker, wroteAt);

        // The fourth, distinct message arrives after the three copies (one partition per customer).
        JsonPath joined = awaitMessages(opened, 2);
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> customerMessages(awaitCase(opened.complaintId())) == 2);
        // A HIGH case's reply timer counts office hours, from the oldest unanswered message.
        assertThat(Instant.parse(joined.getString("replyDueAt"))).isEqualTo(sla.calendarFor(Severity.HIGH)
                .addBusinessTime(wroteAt, REPLY_WITHIN).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void twoConcurrentChecksFireEachDueReplyTimerExactlyOnce() throws Exception {
        scheduler.pause(EscalationJob.IDENTITY);
        try {
            List<Opened> opened = List.of(openAnswered("CRITICAL"), openAnswered("CRITICAL"));
            for (Opened c : opened) {
                customerWrites(c, UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.instant());
                awaitMessages(c, 1);
            }
            clock.advance(PAST_THE_REPLY_DEADLINE);

            CompletableFuture<EscalationService.Escalations> first = onOwnContext(job::escalateDue);
            CompletableFuture<EscalationService.Escalations> second = onOwnContext(job::escalateDue);
            CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            List<String> ids = opened.stream().map(Opened::id).toList();
            List<String> escalated = Stream.concat(first.get().caseIds().stream(), second.get().caseIds().stream())
                    .map(UUID::toString).filter(ids::contains).toList();
            assertThat(escalated).containsExactlyInAnyOrderElementsOf(ids);
            for (Opened c : opened) {
                JsonPath after = awaitCase(c.complaintId());
                assertThat(after.getList("escalations.reasonCode", String.class))
                        .containsExactly("OPENED", "UNANSWERED_CUSTOMER_REPLY");
            }
        } finally {
            scheduler.resume(EscalationJob.IDENTITY);
        }
    }

    private <T> CompletableFuture<T> onOwnContext(Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }
}
