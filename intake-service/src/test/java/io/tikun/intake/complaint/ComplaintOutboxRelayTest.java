package io.tikun.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintOutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** %test: three attempts, a claim of a second, a relay pass every second. */
    private static final int MAIL_MAX_ATTEMPTS = 3;
    private static final Duration GIVE_UP_WAIT = Duration.ofSeconds(40);

    @Inject
    ComplaintRepository complaints;

    @Inject
    IntakeStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesAnEventLeftPendingByACrashedInstanceAndForgetsIt() {
        // As if an instance stored the complaint and died before the broker acknowledged the event.
        Instant longAgo = Instant.now().minusSeconds(60);
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Complaint complaint = new Complaint(id, "TK-9" + System.nanoTime() % 1_000_000, "web",
                new Customer("customer-" + id, "Noa", "noa@example.com", null), "Refund", "Where is my refund?",
                new SeverityAssessment(Severity.LOW, List.of()), longAgo, longAgo.plusSeconds(3600), id, "fingerprint-" + id,
                false, null, null, "en");
        OutboxEvent pending = new OutboxEvent(eventId, "tikun.complaint.received", "complaints.received",
                "customer-" + id, "{\"complaintId\":\"" + id + "\"}", longAgo);
        complaints.insert(complaint, List.of(pending)).await().atMost(WAIT);

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "complaints.received")) {
            ConsumerRecord<String, String> record = topic.await(
                    r -> eventId.equals(KafkaTopicReader.header(r, "ce_id")), WAIT);
            assertThat(record.value()).contains(id);
            assertThat(record.key()).isEqualTo("customer-" + id);
        }
        Document stored = store.collection(ComplaintRepository.COLLECTION).find(Filters.eq("_id", id)).collect().first()
                .await().atMost(WAIT);
        assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();
    }

    @Test
    void forgetsTheAcceptedEventsOfSeveralComplaintsInOneBulkAndKeepsTheRest() {
        Instant now = Instant.now();
        String first = storedWithPending(now, "a", "b");
        String second = storedWithPending(now, "c", "d");

        complaints.markPublished(List.of(new ComplaintRepository.PublishedEvents(first, List.of(first + "-a")),
                new ComplaintRepository.PublishedEvents(second, List.of(second + "-c", second + "-d"))))
                .await().atMost(WAIT);

        assertThat(pendingIds(first)).containsExactly(first + "-b");
        assertThat(pendingIds(second)).isEmpty();
    }

    /** A fresh complaint (not stale: no relay touches it) with pending events named after it. */
    private String storedWithPending(Instant now, String... events) {
        String id = UUID.randomUUID().toString();
        Complaint complaint = new Complaint(id, "TK-8" + System.nanoTime() % 1_000_000, "web",
                new Customer("customer-" + id, "Noa", "noa@example.com", null), "Refund", "Where is my refund?",
                new SeverityAssessment(Severity.LOW, List.of()), now, now.plusSeconds(3600), id, "fingerprint-" + id,
                false, null, null, "en");
        List<OutboxEvent> pending = java.util.Arrays.stream(events).map(event -> new OutboxEvent(id + "-" + event,
                "tikun.complaint.received", "complaints.received", "customer-" + id, "{}", now)).toList();
        complaints.insert(complaint, pending).await().atMost(WAIT);
        return id;
    }

    private List<String> pendingIds(String complaintId) {
        Document stored = store.collection(ComplaintRepository.COLLECTION).find(Filters.eq("_id", complaintId))
                .collect().first().await().atMost(WAIT);
        return stored.getList("pendingEvents", Document.class).stream().map(d -> d.getString("id")).toList();
    }

    @Test
    void givesUpACustomerMailThatKeepsFailingWithoutHoldingBackTheComplaintsEvent() {
        Instant longAgo = Instant.now().minusSeconds(60);
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String mailId = UUID.randomUUID().toString();
        Complaint complaint = new Complaint(id, "TK-8" + System.nanoTime() % 1_000_000, "web",
                new Customer("customer-" + id, "Noa", "noa@example.com", null), "Refund", "Where is my refund?",
                new SeverityAssessment(Severity.LOW, List.of()), longAgo, longAgo.plusSeconds(3600), id, "fingerprint-" + id,
                false, null, null, "en");
        // An acknowledgement no attempt can ever send (its stored form is not a mail), queued before the event.
        OutboxEvent poison = new OutboxEvent(mailId, OutboxEvent.ACKNOWLEDGEMENT_TYPE, OutboxEvent.MAIL_TOPIC,
                "customer-" + id, "{not a mail", longAgo);
        OutboxEvent event = new OutboxEvent(eventId, "tikun.complaint.received", "complaints.received",
                "customer-" + id, "{\"complaintId\":\"" + id + "\"}", longAgo);
        complaints.insert(complaint, List.of(poison, event)).await().atMost(WAIT);

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "complaints.received")) {
            topic.await(r -> eventId.equals(KafkaTopicReader.header(r, "ce_id")), WAIT);
        }
        JsonPath entry = await().atMost(GIVE_UP_WAIT).until(() -> given().auth().oauth2(admin())
                .get("/api/v1/outbox/undeliverable").then().statusCode(200).extract().jsonPath(),
                list -> list.getList("findAll { it.eventId == '" + mailId + "' }").size() == 1);
        String self = "find { it.eventId == '" + mailId + "' }.";
        assertThat(entry.getString(self + "complaintId")).isEqualTo(id);
        assertThat(entry.getString(self + "topic")).isEqualTo(OutboxEvent.MAIL_TOPIC);
        assertThat(entry.getInt(self + "attempts")).isEqualTo(MAIL_MAX_ATTEMPTS);
        assertThat(entry.getString(self + "lastError")).isNotBlank();

        Document stored = store.collection(ComplaintRepository.COLLECTION).find(Filters.eq("_id", id)).collect().first()
                .await().atMost(WAIT);
        assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();
        assertThat(stored.getList("undeliverable", Document.class)).hasSize(1);
    }

    @Test
    void pagesUndeliverableMailNewestComplaintFirst() {
        // Received "tomorrow", so that these two are the newest complaints with undeliverable mail in the store.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        String older = abandonedMailOfAComplaintReceivedAt(tomorrow);
        String newer = abandonedMailOfAComplaintReceivedAt(tomorrow.plusSeconds(1));

        assertThat(undeliverablePage(0, 1).getList("complaintId")).containsExactly(newer);
        assertThat(undeliverablePage(1, 1).getList("complaintId")).containsExactly(older);
        assertThat(undeliverablePage(0, 2).getList("complaintId")).containsExactly(newer, older);
    }

    @Test
    void refusesAnUndeliverablePageSizeOutOfRangeWithAProblem() {
        for (String size : List.of("0", "201", "many")) {
            given().auth().oauth2(admin()).queryParam("size", size).get("/api/v1/outbox/undeliverable")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("size"));
        }
        given().auth().oauth2(admin()).queryParam("page", "-1").get("/api/v1/outbox/undeliverable")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private String abandonedMailOfAComplaintReceivedAt(Instant receivedAt) {
        String id = UUID.randomUUID().toString();
        Complaint complaint = new Complaint(id, "TK-7" + System.nanoTime() % 1_000_000, "web",
                new Customer("customer-" + id, "Noa", "noa@example.com", null), "Refund", "Where is my refund?",
                new SeverityAssessment(Severity.LOW, List.of()), receivedAt, receivedAt.plusSeconds(3600), id,
                "fingerprint-" + id, false, null, null, "en");
        OutboxEvent mail = new OutboxEvent(UUID.randomUUID().toString(), OutboxEvent.ACKNOWLEDGEMENT_TYPE,
                OutboxEvent.MAIL_TOPIC, "customer-" + id, "{not a mail", receivedAt);
        complaints.insert(complaint, List.of()).await().atMost(WAIT);
        complaints.abandon(id, mail, MAIL_MAX_ATTEMPTS, "550 mailbox unavailable", receivedAt).await().atMost(WAIT);
        return id;
    }

    private static JsonPath undeliverablePage(int page, int size) {
        return given().auth().oauth2(admin()).queryParam("page", page).queryParam("size", size)
                .get("/api/v1/outbox/undeliverable").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void showsUndeliverableMailOnlyToAdmins() {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/outbox/undeliverable").then().statusCode(403);
        given().get("/api/v1/outbox/undeliverable").then().statusCode(401);
    }

    private static String admin() {
        return OidcWiremockTestResource.getAccessToken("root", Set.of("admin"));
    }
}
