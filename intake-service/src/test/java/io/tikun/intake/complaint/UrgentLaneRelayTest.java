package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.events.ComplaintReceived;
import io.tikun.intake.events.OutboundSender;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** The outbox relay takes urgent-lane entries ahead of any backlog of ordinary ones, keeping each lane's order. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class UrgentLaneRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BACKLOG = 2_000;

    @Inject
    ComplaintRepository complaints;

    @Inject
    IntakeStore store;

    @Inject
    IntakeConfig config;

    /** Records the ids the relay sends, in order, and accepts them all. */
    @Vetoed
    static final class RecordingSender extends OutboundSender {

        private final List<OutboxEvent> sent = new ArrayList<>();

        RecordingSender() {
            super(null, null, null, "tikun@tikun.test");
        }

        @Override
        public synchronized Uni<Void> send(OutboxEvent event) {
            sent.add(event);
            return Uni.createFrom().voidItem();
        }

        synchronized List<String> sentIds() {
            return sent.stream().map(OutboxEvent::id).toList();
        }
    }

    private static Document pendingComplaint(Severity severity, Instant at, OutboxEvent... events) {
        String id = UUID.randomUUID().toString();
        Complaint complaint = new Complaint(id, "TK-U" + UUID.randomUUID(), "web",
                new Customer(events[0].key(), "Noa", "noa@example.com", null), "Refund", "Where is my refund?",
                new SeverityAssessment(severity, List.of()), at, at.plusSeconds(3600), id, "fingerprint-" + id, false,
                null, null, "en");
        return ComplaintDocumentMapper.toDocument(complaint).append("threadKeys", List.of()).append("messages", List.of())
                .append("pendingEvents", List.of(events).stream().map(OutboxEvent::toDocument).toList())
                .append("outboxClaimedUntil", new java.util.Date(0));
    }

    private static OutboxEvent event(String topic, String customerId, Instant at) {
        return new OutboxEvent(UUID.randomUUID().toString(), ComplaintReceived.TYPE, topic, customerId, "{}", at);
    }

    /**
     * The relay under test runs with a clock two hours ahead and the rows are created an hour ahead, so the
     * application's own relay never finds them stale while this one does.
     */
    private ComplaintOutboxRelay relayAhead(RecordingSender sender) {
        return new ComplaintOutboxRelay(complaints, sender, config, Clock.offset(Clock.systemUTC(), Duration.ofHours(2)),
                new SimpleMeterRegistry());
    }

    @Test
    void publishesTheUrgentEventInTheFirstPassAheadOfTwoThousandPendingOrdinaryOnes() {
        Instant t = Instant.now().plus(Duration.ofHours(1));
        // The backlog is older than the urgent complaint: creation order alone would send the urgent one last.
        List<Document> backlog = IntStream.range(0, BACKLOG)
                .mapToObj(i -> pendingComplaint(Severity.LOW, t, event(ComplaintReceived.TOPIC,
                        "customer-" + UUID.randomUUID(), t.plusMillis(i))))
                .toList();
        Multi.createFrom().iterable(backlog).group().intoLists().of(500)
                .onItem().transformToUniAndConcatenate(batch -> store.collection(ComplaintRepository.COLLECTION)
                        .insertMany(batch))
                .collect().last().await().atMost(WAIT);
        OutboxEvent urgent = event(ComplaintReceived.URGENT_TOPIC, "customer-" + UUID.randomUUID(),
                t.plusMillis(BACKLOG + 1));
        store.collection(ComplaintRepository.COLLECTION).insertOne(pendingComplaint(Severity.CRITICAL, t, urgent))
                .await().atMost(WAIT);
        RecordingSender sender = new RecordingSender();

        try {
            int handled = relayAhead(sender).relay().await().atMost(WAIT);

            assertThat(handled).isEqualTo(config.outbox().batchSize()).isLessThan(BACKLOG);
            assertThat(sender.sentIds()).first().isEqualTo(urgent.id());
        } finally {
            // Other classes' relays run ahead in time too: they must not find this backlog.
            store.collection(ComplaintRepository.COLLECTION)
                    .deleteMany(Filters.in("_id", backlog.stream().map(doc -> doc.getString("_id")).toList()))
                    .await().atMost(WAIT);
        }
    }

    @Test
    void keepsOneCustomersOrderWithinTheUrgentLaneAndHoldsNoOtherKeyBack() {
        Instant t = Instant.now().plus(Duration.ofHours(1));
        String dana = "customer-" + UUID.randomUUID();
        OutboxEvent first = event(ComplaintReceived.URGENT_TOPIC, dana, t);
        OutboxEvent second = event(ComplaintReceived.URGENT_TOPIC, dana, t.plusMillis(100));
        // The later complaint is stored first.
        store.collection(ComplaintRepository.COLLECTION).insertMany(List.of(
                pendingComplaint(Severity.HIGH, t, second), pendingComplaint(Severity.CRITICAL, t, first)))
                .await().atMost(WAIT);
        RecordingSender sender = new RecordingSender();

        relayAhead(sender).relay().await().atMost(WAIT);

        List<String> danas = sender.sentIds().stream().filter(id -> id.equals(first.id()) || id.equals(second.id()))
                .toList();
        assertThat(danas).containsExactly(first.id(), second.id());
    }
}
