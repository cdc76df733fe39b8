package io.tikun.intake.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** A probe run, triggered directly, through the real form and the real signed webhook of this service. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ProbeRunnerTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ProbeRunner runner;

    @Inject
    ProbeRunRepository runs;

    @Inject
    io.tikun.intake.email.ImapMailboxPoller mailbox;

    @Inject
    ObjectMapper mapper;

    private KafkaTopicReader topic;

    @BeforeEach
    void readTopic() {
        topic = new KafkaTopicReader(bootstrapServers, "complaints.received", "complaints.received.urgent");
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void aRunSendsOneProbeThroughTheFormAndOneThroughTheSignedWebhookAndPublishesBothAsProbes() throws Exception {
        List<ProbeResult> results = runner.runOnce().await().atMost(Duration.ofSeconds(60));

        assertThat(results).extracting(ProbeResult::channel).containsExactly(ProbeChannel.WEB, ProbeChannel.WEBHOOK);
        assertThat(results).allSatisfy(r -> assertThat(r.accepted()).as(r.detail()).isTrue());
        assertThat(results.get(0).status()).isEqualTo(303);
        assertThat(results.get(1).status()).isEqualTo(200);

        String webCustomer = null;
        for (ProbeResult result : results) {
            Document run = runs.get(result.dedupKey()).await().atMost(Duration.ofSeconds(5));
            String complaintId = run.getString("complaintId");
            Instant acknowledgedAt = run.getDate("acknowledgedAt").toInstant();
            assertThat(acknowledgedAt).isAfterOrEqualTo(result.sentAt());

            ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(complaintId), KAFKA_WAIT);
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.path("probe").asBoolean()).isTrue();
            assertThat(Instant.parse(event.path("probeSentAt").asText())).isEqualTo(result.sentAt());
            assertThat(Instant.parse(event.path("receivedAt").asText())).isEqualTo(acknowledgedAt);
            assertThat(event.path("channel").asText()).isEqualTo(result.channel().wire());
            if (result.channel() == ProbeChannel.WEB) {
                webCustomer = event.path("customer").path("id").asText();
            }
        }

        // A second run's web probe is a customer of its own: probes build no history, not even a probe's.
        ProbeResult again = runner.runOnce().await().atMost(Duration.ofSeconds(60)).get(0);
        String againId = runs.get(again.dedupKey()).await().atMost(Duration.ofSeconds(5)).getString("complaintId");
        JsonNode againEvent = mapper.readTree(topic.await(r -> r.value().contains(againId), KAFKA_WAIT).value());
        assertThat(againEvent.path("customer").path("id").asText()).isNotEqualTo(webCustomer);
    }

    @Test
    void aMessengerProbeAndAnXDirectMessageProbeAreSignedAsTheNetworksSignAndPublishedAsProbes() throws Exception {
        for (ProbeChannel channel : List.of(ProbeChannel.META, ProbeChannel.X)) {
            ProbeResult result = runner.probe(channel).await().atMost(Duration.ofSeconds(30));

            assertThat(result.accepted()).as(channel + ": " + result.detail()).isTrue();
            assertThat(result.status()).isEqualTo(200);
            Document run = runs.get(result.dedupKey()).await().atMost(Duration.ofSeconds(5));
            String complaintId = run.getString("complaintId");
            assertThat(complaintId).as(channel + " acknowledged").isNotNull();
            JsonNode event = mapper.readTree(topic.await(r -> r.value().contains(complaintId), KAFKA_WAIT).value());
            assertThat(event.path("probe").asBoolean()).isTrue();
            assertThat(event.path("channel").asText()).isEqualTo(channel.wire());
            assertThat(event.path("publicPost").asBoolean()).as("a private message").isFalse();
            assertThat(Instant.parse(event.path("probeSentAt").asText())).isEqualTo(result.sentAt());
            assertThat(event.path("body").asText()).contains("הזמנתי מכונת כביסה");
        }
    }

    @Test
    void anEmailProbeGoesThroughSmtpToTheSupportMailboxAndIsImportedFromItAsAProbe() throws Exception {
        ProbeResult result = runner.probe(ProbeChannel.EMAIL).await().atMost(Duration.ofSeconds(30));

        assertThat(result.accepted()).as(result.detail()).isTrue();
        assertThat(result.status()).isEqualTo(250);
        assertThat(runs.get(result.dedupKey()).await().atMost(Duration.ofSeconds(5)).getDate("acknowledgedAt"))
                .as("nothing acknowledged before the mailbox is read").isNull();

        List<io.tikun.intake.email.EmailDelivery.Outcome> imported = mailbox.pollOnce();

        assertThat(imported).contains(io.tikun.intake.email.EmailDelivery.Outcome.CREATED);
        Document run = runs.get(result.dedupKey()).await().atMost(Duration.ofSeconds(5));
        String complaintId = run.getString("complaintId");
        assertThat(complaintId).isNotNull();
        JsonNode event = mapper.readTree(topic.await(r -> r.value().contains(complaintId), KAFKA_WAIT).value());
        assertThat(event.path("probe").asBoolean()).isTrue();
        assertThat(event.path("channel").asText()).isEqualTo("email");
        assertThat(Instant.parse(event.path("probeSentAt").asText())).isEqualTo(result.sentAt());
        assertThat(Instant.parse(event.path("receivedAt").asText()))
                .isEqualTo(run.getDate("acknowledgedAt").toInstant()).isAfterOrEqualTo(result.sentAt());
        assertThat(event.path("subject").asText()).isEqualTo("המכונה שהזמנתי לא הגיעה");
    }

    @Test
    void aComplaintThatOnlyClaimsTheProbeAddressIsAnOrdinaryComplaint() throws Exception {
        String id = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web-channel",
                java.util.Set.of("channel")))
                .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"channel":"web","customer":{"name":"Tikun probe","email":"probe@tikun.invalid"},
                         "subject":"Look-alike","body":"Someone typed the probe's address"}""")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");

        JsonNode event = mapper.readTree(topic.await(r -> r.value().contains(id), KAFKA_WAIT).value());

        assertThat(event.has("probe")).isFalse();
        assertThat(event.has("probeSentAt")).isFalse();
    }
}
