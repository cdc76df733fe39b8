package io.tikun.routing.intake;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.messageAddedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The ordinary lane applies a poll's records in one transaction with the effect of applying them one after another:
 * the records below are produced in one go (one producer batch, so the consumer sees them in one poll).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ComplaintBatchConsumerTest {

    private static final String TOPIC = "complaints.received";
    private static final String RECEIVED = "tikun.complaint.received";
    private static final String ADDED = "tikun.complaint.message-added";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Test
    void aBatchWithDuplicatesAnUnreadableRecordAndALateMessageEndsAsIfAppliedOneByOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dana = "dana-" + run;
        String omer = "omer-" + run;
        String danaComplaint = "batch-a1-" + run;
        String omerFirst = "batch-b1-" + run;
        String omerSecond = "batch-b2-" + run;
        String orphan = "batch-none-" + run;
        String danaOpened = UUID.randomUUID().toString();
        String danaWrote = UUID.randomUUID().toString();
        String messageId = "msg-" + run;
        String garbage = "{not json " + run;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        List<Event> batch = List.of(
                new Event(dana, danaOpened, RECEIVED, complaintJson(danaComplaint, dana, "MEDIUM", "web", now, null)),
                new Event(omer, UUID.randomUUID().toString(), RECEIVED,
                        complaintJson(omerFirst, omer, "LOW", "email", now, null)),
                // The same event again: nothing more.
                new Event(dana, danaOpened, RECEIVED, complaintJson(danaComplaint, dana, "MEDIUM", "web", now, null)),
                new Event(omer, UUID.randomUUID().toString(), RECEIVED, garbage),
                // Dana writes again on the complaint opened earlier in this batch.
                new Event(dana, danaWrote, ADDED, messageAddedJson(danaComplaint, dana, messageId, now.plusSeconds(5))),
                // Omer's second complaint: a repeat of the case opened earlier in this batch, one rung higher.
                new Event(omer, UUID.randomUUID().toString(), RECEIVED,
                        complaintJson(omerSecond, omer, "LOW", "email", now.plusSeconds(1), null)),
                // The same message under a new event id, the first complaint under a new event id, the message event again.
                new Event(dana, UUID.randomUUID().toString(), ADDED,
                        messageAddedJson(danaComplaint, dana, messageId, now.plusSeconds(5))),
                new Event(omer, UUID.randomUUID().toString(), RECEIVED,
                        complaintJson(omerFirst, omer, "LOW", "email", now, null)),
                new Event(dana, danaWrote, ADDED, messageAddedJson(danaComplaint, dana, messageId, now.plusSeconds(5))),
                // A message on a complaint routing has no case for changes nothing.
                new Event(omer, UUID.randomUUID().toString(), ADDED,
                        messageAddedJson(orphan, omer, "msg-orphan-" + run, now)));

        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, TOPIC + ".dlq");
                KafkaTopicReader casesTopic = new KafkaTopicReader(bootstrapServers, "cases.updated")) {
            produceTogether(batch);

            JsonPath danaCase = awaitCase(danaComplaint);
            JsonPath omerCase = awaitCase(omerFirst);
            JsonPath omerRepeat = awaitCase(omerSecond);

            assertThat(danaCase.getString("level")).isEqualTo("FRONTLINE");
            assertThat(danaCase.getList("escalations.reasonCode")).containsExactly("OPENED");
            // The conversation: the complaint itself, then the one further message.
            assertThat(danaCase.getList("messages.messageId")).containsExactly(danaComplaint, messageId);
            assertThat(danaCase.getList("messages.direction")).containsExactly("INBOUND", "INBOUND");
            assertThat(danaCase.getString("replyDueAt")).isNotNull();

            assertThat(omerCase.getString("level")).isEqualTo("FRONTLINE");
            assertThat(omerCase.getList("escalations.reasonCode")).containsExactly("OPENED");
            assertThat(omerCase.getList("messages.messageId")).containsExactly(omerFirst);
            assertThat(omerRepeat.getString("level")).isEqualTo("TEAM_LEAD");
            assertThat(omerRepeat.getList("escalations.reasonCode")).containsExactly("REPEAT_COMPLAINT");
            assertThat(omerRepeat.getString("escalations[0].reason")).contains("1 other case(s) of this customer");

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("unreadable");
            assertThat(dead.key()).isEqualTo(omer);

            // One opened event per case, each customer's in the order of their complaints.
            List<ConsumerRecord<String, String>> opened = casesTopic.all(
                    r -> r.value().contains(run) && "tikun.case.opened".equals(KafkaTopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(3));
            assertThat(opened).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(dana, omer, omer);
            assertThat(opened.stream().filter(r -> r.key().equals(omer)).map(ConsumerRecord::value))
                    .satisfiesExactly(first -> assertThat(first).contains(omerFirst),
                            second -> assertThat(second).contains(omerSecond));
            assertThat(dlq.all(r -> r.value().contains(run), Duration.ofSeconds(1))).hasSize(1);
        }
        assertThat(casesOf(danaComplaint)).hasSize(1);
        assertThat(casesOf(omerFirst)).hasSize(1);
        assertThat(casesOf(orphan)).isEmpty();

        // The records were applied together: Dana's five events share a partition and one producer batch, so one
        // transaction held at least those.
        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(given().get(metricsUrl).then().statusCode(200)
                .extract().asString(), "tikun_routing_intake_batch_events_max")).isGreaterThanOrEqualTo(5.0));
    }

    @Test
    void anEventAlreadyAppliedInAnEarlierBatchOpensNoSecondCase() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = "noa-" + run;
        String complaint = "batch-c1-" + run;
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        produceTogether(List.of(new Event(customer, eventId, RECEIVED,
                complaintJson(complaint, customer, "LOW", "web", now, null))));
        awaitCase(complaint);

        String marker = "batch-c2-" + run;
        produceTogether(List.of(
                new Event(customer, eventId, RECEIVED, complaintJson(complaint, customer, "LOW", "web", now, null)),
                new Event(customer, UUID.randomUUID().toString(), RECEIVED,
                        complaintJson(complaint, customer, "LOW", "web", now, null)),
                new Event(customer, UUID.randomUUID().toString(), RECEIVED,
                        complaintJson(marker, customer, "LOW", "web", now, null))));

        JsonPath later = awaitCase(marker);
        assertThat(casesOf(complaint)).hasSize(1);
        assertThat(later.getList("escalations.reasonCode")).containsExactly("REPEAT_COMPLAINT");
    }

    private static List<?> casesOf(String complaintId) {
        return given().auth().oauth2(agentToken()).queryParam("complaintId", complaintId)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private record Event(String key, String id, String type, String json) {
    }

    /** Sends every record before any is flushed, so they reach the broker (and the consumer) together. */
    private void produceTogether(List<Event> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Event e : events) {
                List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", e.id()),
                        header("ce_type", e.type()), header("ce_source", "/tikun/test"),
                        header("ce_time", Instant.now().toString()), header("content-type", "application/json"));
                sent.add(producer.send(new ProducerRecord<>(TOPIC, null, e.key(), e.json(), headers)));
            }
            producer.flush();
            sent.forEach(f -> assertThat(f).succeedsWithin(WAIT));
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static double sample(String metrics, String name) {
        return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).max().orElse(0);
    }
}
