package io.tikun.followup.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.followup.inbox.ProcessedEventRepository;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.PostgresTestResource;

/** Follow-up files the complaints of intake's urgent lane like the others, once even when an event comes on both. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class UrgentLaneConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORDINARY = "complaints.received";
    private static final String URGENT = "complaints.received.urgent";
    private static final String TYPE = "tikun.complaint.received";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CustomerComplaintRepository complaints;

    @Inject
    ProcessedEventRepository processedEvents;

    private final ObjectMapper mapper = new ObjectMapper();

    /** Intake's published urgent-lane example, for this customer and complaint. */
    private String urgentJson(String customerId, String complaintId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "complaints.received.urgent.example.json"));
        event.put("complaintId", complaintId).put("reference", "TK-" + (100_000 + Math.abs(complaintId.hashCode() % 899_999)));
        ((ObjectNode) event.get("customer")).put("id", customerId);
        return mapper.writeValueAsString(event);
    }

    private void send(String topic, String key, String eventId, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(topic, key, eventId, TYPE, json);
        }
    }

    private <T> T on(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(call));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private CustomerComplaint complaint(String complaintId) {
        return on(() -> complaints.findById(complaintId));
    }

    @Test
    void filesAHighComplaintThatArrivesOnTheUrgentLane() throws Exception {
        String customerId = "cust-" + UUID.randomUUID();
        String complaintId = UUID.randomUUID().toString();

        send(URGENT, customerId, UUID.randomUUID().toString(), urgentJson(customerId, complaintId));

        await().atMost(WAIT).until(() -> complaint(complaintId) != null);
        assertThat(complaint(complaintId).customerId).isEqualTo(customerId);
    }

    @Test
    void anEventDeliveredOnBothLanesAndTwiceOnTheUrgentOneIsFiledOnceAndNeverDeadLettered() throws Exception {
        String customerId = "cust-" + UUID.randomUUID();
        String complaintId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String json = urgentJson(customerId, complaintId);
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, ORDINARY + ".dlq", URGENT + ".dlq")) {
            send(URGENT, customerId, eventId, json);
            send(URGENT, customerId, eventId, json);
            send(ORDINARY, customerId, eventId, json);
            // A later complaint of the same customer (same partitions) on each lane: once both are filed, every copy
            // of the first event has been handled.
            String laterUrgent = UUID.randomUUID().toString();
            String laterOrdinary = UUID.randomUUID().toString();
            send(URGENT, customerId, UUID.randomUUID().toString(), urgentJson(customerId, laterUrgent));
            send(ORDINARY, customerId, UUID.randomUUID().toString(), urgentJson(customerId, laterOrdinary));

            await().atMost(WAIT).until(() -> complaint(laterUrgent) != null && complaint(laterOrdinary) != null);
            assertThat(complaint(complaintId)).isNotNull();
            assertThat(on(() -> processedEvents.alreadyProcessed(eventId))).isTrue();
            assertThat(dlq.all(r -> r.value().contains(complaintId), Duration.ofSeconds(3))).isEmpty();
        }
    }
}
