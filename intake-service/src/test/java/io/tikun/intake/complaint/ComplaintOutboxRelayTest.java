package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
}
