package io.tikun.followup.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.followup.churn.ChurnOutcome;
import io.tikun.followup.churn.ChurnWatch;
import io.tikun.followup.churn.ChurnWatchRepository;
import io.tikun.followup.churn.ChurnWatchService;
import io.tikun.followup.complaint.ComplaintChannel;
import io.tikun.followup.complaint.ComplaintFeedService;
import io.tikun.followup.complaint.ComplaintReceived;
import io.tikun.followup.complaint.Severity;
import io.tikun.followup.returns.ReturnConfig;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * A churn-intent complaint and the decided outcome of its watch are published on {@code customers.feedback} through the
 * outbox, keyed by customer, with CloudEvents headers and the customer's value tier.
 */
@QuarkusTest
@QuarkusTestResource(io.tikun.stack.testing.KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CustomerFeedbackPublishedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ComplaintFeedService feed;

    @Inject
    ChurnWatchService churn;

    @Inject
    ChurnWatchRepository watches;

    @Inject
    ReturnConfig returns;

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aChurnIntentComplaintAndItsDecidedOutcomeArePublishedForTheCustomer() throws Throwable {
        String customerId = "fb-" + UUID.randomUUID();
        String complaintId = customerId + "-1";
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, CustomerFeedback.TOPIC)) {
            ComplaintReceived received = new ComplaintReceived(complaintId, "TK-FB1", ComplaintChannel.EMAIL,
                    new ComplaintReceived.Customer(customerId, "לקוחה עוזבת"), "אני עוזבת", Severity.HIGH,
                    List.of(new ComplaintReceived.Reason(ComplaintReceived.CHURN_INTENT, Severity.HIGH, "עוזבת")), at,
                    "he", new ComplaintReceived.Classification("billing"));
            VertxContextSupport.subscribeAndAwait(() -> feed.complaintReceived(UUID.randomUUID().toString(), received));

            ConsumerRecord<String, String> opened = topic.await(
                    r -> customerId.equals(r.key()) && "CHURN_WATCH_OPENED".equals(json(r).path("kind").asText()), WAIT);
            assertThat(KafkaTopicReader.header(opened, "ce_type")).isEqualTo("tikun.customer.feedback.churn-watch-opened");
            assertThat(KafkaTopicReader.header(opened, "ce_id")).isNotBlank();
            JsonNode body = json(opened);
            assertThat(body.path("customerId").asText()).isEqualTo(customerId);
            assertThat(body.path("reference").asText()).isEqualTo("TK-FB1");
            assertThat(body.path("churnOutcome").asText()).isEqualTo("UNKNOWN");
            assertThat(body.path("valueTier").asText()).isEqualTo(
                    returns.customerTier().getOrDefault(customerId, returns.defaultTier()));
            assertThat(Instant.parse(body.path("occurredAt").asText())).isEqualTo(at);

            ChurnWatch watch = VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withSession(() -> watches.forComplaint(complaintId)));
            VertxContextSupport.subscribeAndAwait(() -> churn.decide(watch.id, ChurnOutcome.LEFT, "moved to a rival", "maya"));

            ConsumerRecord<String, String> decided = topic.await(
                    r -> customerId.equals(r.key()) && "CHURN_OUTCOME".equals(json(r).path("kind").asText()), WAIT);
            assertThat(KafkaTopicReader.header(decided, "ce_type")).isEqualTo("tikun.customer.feedback.churn-outcome");
            assertThat(json(decided).path("churnOutcome").asText()).isEqualTo("LEFT");
            assertThat(KafkaTopicReader.header(decided, "ce_id")).isNotEqualTo(KafkaTopicReader.header(opened, "ce_id"));
        }
    }
}
