package io.tikun.routing.notification;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.outbox.EventJson;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;
import io.tikun.stack.testing.SseClient;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NotificationStreamTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    private static final Duration SEVERAL_PASSES = Duration.ofSeconds(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    SharedStreamListener listener;

    @Inject
    EventJson json;

    @Inject
    NotificationStream notificationStream;

    private static String managerToken() {
        return OidcWiremockTestResource.getAccessToken("maya", Set.of("manager"));
    }

    private void publishCritical(String complaintId, String reference) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, reference, "CRITICAL"));
        }
    }

    @Test
    void streamsASevereCaseToAConnectedManagerOnceAsItIsStored() throws Exception {
        try (SseClient manager = SseClient.open(stream, managerToken())) {
            assertThat(manager.status()).isEqualTo(200);
            assertThat(manager.contentType()).startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty());

            String complaintId = UUID.randomUUID().toString();
            String reference = randomReference();
            publishCritical(complaintId, reference);

            SseClient.Event event = await().atMost(WAIT).until(
                    () -> manager.named("notification").stream().filter(e -> e.data().contains(reference)).toList(),
                    found -> !found.isEmpty()).get(0);
            JsonPath data = JsonPath.from(event.data());
            assertThat(data.getString("kind")).isEqualTo("SEVERE_CASE_OPENED");
            assertThat(data.getString("level")).isEqualTo("SERVICE_MANAGER");
            assertThat(data.getString("severity")).isEqualTo("CRITICAL");
            assertThat(data.getString("text")).contains(reference).contains("Dana Levi");
            assertThat(event.id()).isEqualTo(data.getString("id"));

            JsonPath opened = awaitCase(complaintId);
            assertThat(data.getString("caseId")).isEqualTo(opened.getString("id"));
            await().atMost(WAIT).until(() -> streamRows(complaintId).stream().allMatch(n -> "SENT".equals(n.get("state"))));
            assertThat(streamRows(complaintId)).singleElement()
                    .satisfies(n -> assertThat(n.get("recipient")).isEqualTo("console"));

            // Delivery passes keep running; the stored notification is never streamed again.
            await().during(SEVERAL_PASSES).atMost(SEVERAL_PASSES.plus(WAIT)).until(() -> manager.named("notification")
                    .stream().filter(e -> e.data().contains(reference)).count() == 1);
        }
    }

    @Test
    void aSevereCaseFromTheUrgentLaneIsAnnouncedByTheTransactionThatOpensIt() throws Exception {
        try (SseClient manager = SseClient.open(stream, managerToken())) {
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty());
            String complaintId = UUID.randomUUID().toString();
            String reference = randomReference();
            try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
                sender.send("complaints.received.urgent", "cust-" + complaintId, UUID.randomUUID().toString(),
                        "tikun.complaint.received", complaintJson(complaintId, reference, "CRITICAL"));
            }

            await().atMost(WAIT).until(() -> manager.named("notification").stream()
                    .anyMatch(e -> e.data().contains(reference)));
            JsonPath opened = awaitCase(complaintId);
            // Stored sent, at the opening's own instant and with no delivery attempt: no claim or dispatcher pass
            // announced it, the commit that opened the case did.
            assertThat(streamRows(complaintId)).singleElement().satisfies(n -> {
                assertThat(n.get("state")).isEqualTo("SENT");
                assertThat(n.get("attempts")).isEqualTo(0);
                assertThat(n.get("sentAt")).isEqualTo(opened.getString("openedAt"));
            });
        }
    }

    @Test
    void replaysWhatAManagerMissedWhenTheStreamReconnectsWithTheLastEventId() throws Exception {
        String seenReference = randomReference();
        String lastSeenId;
        try (SseClient manager = SseClient.open(stream, managerToken())) {
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty());
            publishCritical(UUID.randomUUID().toString(), seenReference);
            lastSeenId = await().atMost(WAIT).until(() -> ids(manager, seenReference), found -> !found.isEmpty()).get(0);
        }
        // Away: a severe case is opened and streamed to nobody.
        String missedComplaint = UUID.randomUUID().toString();
        String missedReference = randomReference();
        publishCritical(missedComplaint, missedReference);
        await().atMost(WAIT).until(() -> !streamRows(missedComplaint).isEmpty()
                && streamRows(missedComplaint).stream().allMatch(n -> "SENT".equals(n.get("state"))));

        try (SseClient back = SseClient.open(stream, managerToken(), lastSeenId)) {
            await().atMost(WAIT).until(() -> !ids(back, missedReference).isEmpty());
            assertThat(back.named("ready")).hasSize(1);
            assertThat(ids(back, seenReference)).isEmpty();
            await().during(SEVERAL_PASSES).atMost(SEVERAL_PASSES.plus(WAIT))
                    .until(() -> ids(back, missedReference).size() == 1);
        }
        // A first connection, or an id that is not a notification, replays nothing.
        try (SseClient fresh = SseClient.open(stream, managerToken(), "not-an-id")) {
            await().atMost(WAIT).until(() -> !fresh.named("ready").isEmpty());
            await().during(SEVERAL_PASSES).atMost(SEVERAL_PASSES.plus(WAIT)).until(() -> ids(fresh, missedReference).isEmpty());
        }
    }

    @Test
    void everyConnectedManagerGetsTheSameNotification() throws Exception {
        try (SseClient first = SseClient.open(stream, managerToken());
                SseClient second = SseClient.open(stream,
                        OidcWiremockTestResource.getAccessToken("adam", Set.of("admin")))) {
            await().atMost(WAIT).until(() -> !first.named("ready").isEmpty() && !second.named("ready").isEmpty());
            String reference = randomReference();
            publishCritical(UUID.randomUUID().toString(), reference);

            await().atMost(WAIT).until(() -> first.events().stream().anyMatch(e -> e.data().contains(reference))
                    && second.events().stream().anyMatch(e -> e.data().contains(reference)));
            assertThat(ids(first, reference)).isEqualTo(ids(second, reference));
        }
    }

    @Test
    void aNotificationAnotherInstanceDeliversReachesThisInstancesClientOnce() throws Exception {
        try (SseClient manager = SseClient.open(stream, managerToken()); AnotherInstance other = anotherInstance()) {
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty() && listener.listening());
            StreamedNotification escalated = escalatedOn(openCriticalCase());

            other.deliver(escalated, json.write(escalated));

            assertReceivedOnce(manager, escalated);
        }
    }

    @Test
    void aBurstAnotherInstanceDeliversReachesThisInstancesClientOnceEachInTheOrderAnnounced() throws Exception {
        try (SseClient manager = SseClient.open(stream, managerToken()); AnotherInstance other = anotherInstance()) {
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty() && listener.listening());
            // One notification per case and rung (the table keeps one per occurrence): three cases, four rungs each.
            List<StreamedNotification> burst = IntStream.range(0, 3).mapToObj(i -> openCriticalCase())
                    .flatMap(caseId -> Stream.of(EscalationLevel.values()).map(level -> escalatedOn(caseId, level)))
                    .toList();

            other.deliverAll(burst, burst.stream().map(json::write).toList());

            List<String> announced = burst.stream().map(n -> n.id().toString()).toList();
            await().atMost(WAIT).until(() -> received(manager, announced).size() == announced.size());
            assertThat(received(manager, announced)).isEqualTo(announced);
            assertThat(manager.named("notification").stream().filter(e -> announced.contains(e.id()))
                    .map(e -> JsonPath.from(e.data()).getString("reference")).toList())
                    .isEqualTo(burst.stream().map(StreamedNotification::reference).toList());
            // Each once, and none again while delivery passes go on.
            await().during(SEVERAL_PASSES).atMost(SEVERAL_PASSES.plus(WAIT))
                    .until(() -> received(manager, announced).equals(announced));
        }
    }

    @Test
    void countsItsConnectedClientsUntilTheyGoAway() throws Exception {
        await().atMost(WAIT).until(() -> !notificationStream.hasClients());
        try (SseClient manager = SseClient.open(stream, managerToken())) {
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty());
            assertThat(notificationStream.hasClients()).isTrue();
        }
        await().atMost(WAIT).until(() -> !notificationStream.hasClients());
    }

    @Test
    void keepsListeningAfterItsDatabaseConnectionDrops() throws Exception {
        try (SseClient manager = SseClient.open(stream, managerToken()); AnotherInstance other = anotherInstance()) {
            await().atMost(WAIT).until(() -> !manager.named("ready").isEmpty() && listener.listening());
            UUID caseId = openCriticalCase();
            List<Integer> dropped = other.listeners();
            assertThat(dropped).isNotEmpty();

            other.terminate(dropped);

            await().atMost(WAIT).until(() -> listener.listening()
                    && other.listeners().stream().anyMatch(pid -> !dropped.contains(pid)));
            given().get(readiness).then()
                    .body("checks.find { it.name == 'notification-stream-listener' }.status", equalTo("UP"));
            StreamedNotification escalated = escalatedOn(caseId);
            other.deliver(escalated, json.write(escalated));
            assertReceivedOnce(manager, escalated);
        }
    }

    @Test
    void refusesTheStreamWithoutATokenOrToAnAgent() {
        given().accept("text/event-stream").get("/api/v1/notifications/stream").then().statusCode(401);
        given().auth().oauth2(agentToken()).accept("text/event-stream").get("/api/v1/notifications/stream")
                .then().statusCode(403);
    }

    private AnotherInstance anotherInstance() throws SQLException {
        return AnotherInstance.connect(jdbcUrl, databaseUser, databasePassword, listener.channel());
    }

    private UUID openCriticalCase() {
        String complaintId = UUID.randomUUID().toString();
        publishCritical(complaintId, randomReference());
        return UUID.fromString(awaitCase(complaintId).getString("id"));
    }

    /** The case's climb to the manager's callback as another instance would stream it. */
    private static StreamedNotification escalatedOn(UUID caseId) {
        return escalatedOn(caseId, EscalationLevel.MANAGER_CALLBACK);
    }

    private static StreamedNotification escalatedOn(UUID caseId, EscalationLevel level) {
        String reference = randomReference();
        return new StreamedNotification(UUID.randomUUID(), caseId, reference, "ESCALATED", level, "CRITICAL",
                "Dana Levi", reference + " climbed to " + level, "first response missed", null, Instant.now());
    }

    /** The client gets the notification, as stored, once, and not again while delivery passes go on. */
    private static void assertReceivedOnce(SseClient client, StreamedNotification expected) {
        String id = expected.id().toString();
        SseClient.Event event = await().atMost(WAIT).until(
                () -> client.named("notification").stream().filter(e -> id.equals(e.id())).toList(),
                found -> !found.isEmpty()).get(0);
        JsonPath data = JsonPath.from(event.data());
        assertThat(data.getString("reference")).isEqualTo(expected.reference());
        assertThat(data.getString("kind")).isEqualTo(expected.kind());
        assertThat(data.getString("caseId")).isEqualTo(expected.caseId().toString());
        await().during(SEVERAL_PASSES).atMost(SEVERAL_PASSES.plus(WAIT))
                .until(() -> client.named("notification").stream().filter(e -> id.equals(e.id())).count() == 1);
    }

    /** The ids of {@code among} the client received, in the order it received them. */
    private static List<String> received(SseClient client, List<String> among) {
        return client.named("notification").stream().map(SseClient.Event::id).filter(among::contains).toList();
    }

    private static List<String> ids(SseClient client, String reference) {
        return client.named("notification").stream().filter(e -> e.data().contains(reference)).map(SseClient.Event::id)
                .toList();
    }

    private static List<Map<String, Object>> streamRows(String complaintId) {
        return awaitCase(complaintId).<Map<String, Object>> getList("notifications").stream()
                .filter(n -> "stream".equals(n.get("channel"))).toList();
    }
}
