package io.tikun.routing.intake;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ComplaintReceivedConsumerTest {

    private static final String MANAGER = "manager@tikun.local";
    private static final String ORDINARY = "complaints.received";
    private static final String URGENT = "complaints.received.urgent";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    MeterRegistry meters;

    private void publish(String eventId, String complaintId, String reference, String severity) {
        publish(ORDINARY, eventId, complaintId, reference, severity);
    }

    private void publish(String topic, String eventId, String complaintId, String reference, String severity) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(topic, "cust-" + complaintId, eventId, "tikun.complaint.received",
                    complaintJson(complaintId, reference, severity));
        }
    }

    @Test
    void opensACriticalCaseFromTheUrgentLaneAndAlertsTheManagerByMailAndStream() {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        publish(URGENT, UUID.randomUUID().toString(), complaintId, reference, "CRITICAL");

        JsonPath opened = awaitCase(complaintId);
        assertThat(opened.getString("level")).isEqualTo("SERVICE_MANAGER");
        CapturedMail alert = mail.await(m -> m.isTo(MANAGER) && m.subject().contains(reference), WAIT);
        assertThat(alert.subject()).contains("CRITICAL");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(agentToken())
                .get("/api/v1/cases/" + opened.getString("id"))
                .then().statusCode(200).body("notifications.channel", containsInAnyOrder("email", "stream"))
                .body("notifications.state", everyItem(equalTo("SENT"))));
    }

    @Test
    void timesEachHopOfAnUrgentMessageThroughRouting() {
        long[] before = urgentHopCounts();
        String complaintId = UUID.randomUUID().toString();
        publish(URGENT, UUID.randomUUID().toString(), complaintId, randomReference(), "CRITICAL");

        awaitCase(complaintId);
        await().atMost(WAIT).untilAsserted(() -> {
            long[] after = urgentHopCounts();
            for (int hop = 0; hop < after.length; hop++) {
                assertThat(after[hop]).as(RoutingMetrics.UrgentHop.values()[hop].name()).isGreaterThan(before[hop]);
            }
        });
        // The bucket bounds a benchmark differences over a run are published with the timer.
        Timer queued = meters.get("tikun.routing.urgent.lane").tag("hop", "QUEUED").timer();
        assertThat(queued.takeSnapshot().histogramCounts()).hasSize(9);
    }

    private long[] urgentHopCounts() {
        return Arrays.stream(RoutingMetrics.UrgentHop.values()).mapToLong(hop -> {
            Timer timer = meters.find("tikun.routing.urgent.lane").tag("hop", hop.name()).timer();
            return timer == null ? 0 : timer.count();
        }).toArray();
    }

    @Test
    void anEventDeliveredOnBothLanesAndTwiceOnTheUrgentOneOpensOneCaseAndSendsOneAlert() {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        String eventId = UUID.randomUUID().toString();
        publish(URGENT, eventId, complaintId, reference, "HIGH");
        publish(URGENT, eventId, complaintId, reference, "HIGH");
        publish(ORDINARY, eventId, complaintId, reference, "HIGH");

        awaitCase(complaintId);
        mail.await(m -> m.subject().contains(reference), WAIT);

        try (KafkaTopicReader casesTopic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            assertThat(casesTopic.all(r -> r.value().contains(complaintId), Duration.ofSeconds(3))).hasSize(1);
        }
        List<?> cases = given().auth().oauth2(agentToken()).queryParam("complaintId", complaintId)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(cases).hasSize(1);
        assertThat(mail.messages().stream().filter(m -> m.subject().contains(reference)).toList()).hasSize(1);
    }

    @Test
    void sendsAnUnreadableUrgentEventToTheUrgentDeadLetterTopic() {
        String garbage = "{not json " + UUID.randomUUID();
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, URGENT + ".dlq");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(URGENT, "k", UUID.randomUUID().toString(), "tikun.complaint.received", garbage);

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("unreadable");
        }
    }

    @Test
    void opensCriticalCaseAtServiceManagerLevelAndEmailsTheManager() {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        try (KafkaTopicReader casesTopic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            publish(UUID.randomUUID().toString(), complaintId, reference, "CRITICAL");

            JsonPath opened = awaitCase(complaintId);
            assertThat(opened.getString("level")).isEqualTo("SERVICE_MANAGER");
            assertThat(opened.getString("status")).isEqualTo("OPEN");
            assertThat(opened.getString("escalations[0].to")).isEqualTo("SERVICE_MANAGER");
            assertThat(opened.getString("escalations[0].reason")).contains("LEGAL_THREAT");

            CapturedMail alert = mail.await(m -> m.isTo(MANAGER) && m.subject().contains(reference), WAIT);
            assertThat(alert.subject()).contains("CRITICAL").contains("Dana Levi");
            assertThat(alert.text()).contains("+972521234567").contains("It burned. I will sue.");

            ConsumerRecord<String, String> event = casesTopic.await(r -> r.value().contains(complaintId), WAIT);
            assertThat(KafkaTopicReader.header(event, "ce_type")).isEqualTo("tikun.case.opened");
            assertThat(event.key()).isEqualTo("cust-" + complaintId);

            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(agentToken())
                    .get("/api/v1/cases/" + opened.getString("id"))
                    .then().statusCode(200).body("notifications.channel", containsInAnyOrder("email", "stream"))
                    .body("notifications.state", everyItem(equalTo("SENT"))));
        }
    }

    @Test
    void redeliveredEventsOpenOneCaseAndSendOneAlert() {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, complaintId, reference, "HIGH");
        publish(eventId, complaintId, reference, "HIGH");
        // Same complaint under a new event id, as a replay by a second intake instance would produce.
        publish(UUID.randomUUID().toString(), complaintId, reference, "HIGH");

        JsonPath opened = awaitCase(complaintId);
        assertThat(opened.getString("level")).isEqualTo("TEAM_LEAD");
        mail.await(m -> m.subject().contains(reference), WAIT);

        try (KafkaTopicReader casesTopic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            assertThat(casesTopic.all(r -> r.value().contains(complaintId), Duration.ofSeconds(3))).hasSize(1);
        }
        assertThat(mail.messages().stream().filter(m -> m.subject().contains(reference)).toList()).hasSize(1);
    }

    @Test
    void opensLowCaseAtTheFrontlineWithoutAlertingTheManager() {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        publish(UUID.randomUUID().toString(), complaintId, reference, "LOW");

        JsonPath opened = awaitCase(complaintId);
        assertThat(opened.getString("level")).isEqualTo("FRONTLINE");
        assertThat(opened.getList("notifications")).isEmpty();
        assertThat(mail.messages()).noneMatch(m -> m.subject().contains(reference));
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopicWithItsRawPayload() {
        String garbage = "{not json " + UUID.randomUUID();
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, "complaints.received.dlq");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "k", UUID.randomUUID().toString(), "tikun.complaint.received", garbage);

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("unreadable");
        }
    }

    @Test
    void deadLettersAnEventWithoutCloudEventId() {
        String complaintId = UUID.randomUUID().toString();
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, "complaints.received.dlq");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.sendRaw("complaints.received", "k", complaintJson(complaintId, "TK-000777", "LOW"));

            dlq.await(r -> r.value().contains(complaintId), WAIT);
        }
        List<?> cases = given().auth().oauth2(agentToken()).queryParam("complaintId", complaintId)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(cases).isEmpty();
    }
}
