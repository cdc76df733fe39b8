package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.events.OutboundSender;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** The outbox publishes one customer's events in the order they were created, whatever fails on the way. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class OutboxOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ComplaintRepository complaints;

    @Inject
    IntakeConfig config;

    /** Records what the relays send, in order; refuses the first attempt at one event, as a broker hiccup would. */
    @Vetoed
    static final class RecordingSender extends OutboundSender {

        private final String failFirst;
        private final List<String> sent = new ArrayList<>();
        private boolean failed;

        RecordingSender(String failFirst) {
            super(null, null, null, "tikun@tikun.test");
            this.failFirst = failFirst;
        }

        @Override
        public synchronized Uni<Void> send(OutboxEvent event) {
            if (event.id().equals(failFirst) && !failed) {
                failed = true;
                sent.add("failed:" + event.id());
                return Uni.createFrom().failure(new IllegalStateException("broker not available"));
            }
            sent.add(event.id());
            return Uni.createFrom().voidItem();
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    private void pending(String customerId, Instant at, OutboxEvent... events) {
        String id = UUID.randomUUID().toString();
        Complaint complaint = new Complaint(id, "TK-6" + System.nanoTime() % 1_000_000, "web",
                new Customer(customerId, "Noa", "noa@example.com", null), "Refund", "Where is my refund?",
                new SeverityAssessment(Severity.LOW, List.of()), at, at.plusSeconds(3600), id, "fingerprint-" + id, false,
                null, null, "en");
        complaints.insert(complaint, List.of(events)).await().atMost(WAIT);
    }

    private static OutboxEvent event(String customerId, Instant at) {
        return new OutboxEvent(UUID.randomUUID().toString(), "tikun.complaint.received", "complaints.received",
                customerId, "{}", at);
    }

    @Test
    void publishesOneCustomersEventsInCreationOrderAcrossAFailedFirstSendWithTwoRelays() {
        // Created an hour ahead, so the application's own relay never finds them stale; the relays under test run
        // with a clock two hours ahead (moving with real time, so their claims expire).
        Instant t = Instant.now().plus(Duration.ofHours(1));
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        String dana = "customer-" + UUID.randomUUID();
        String other = "customer-" + UUID.randomUUID();
        OutboxEvent first = event(dana, t);
        OutboxEvent second = event(dana, t.plusMillis(100));
        OutboxEvent third = event(dana, t.plusMillis(200));
        OutboxEvent unrelated = event(other, t.plusMillis(50));
        // The later complaint is stored first; the first complaint carries the first and the third event.
        pending(dana, t, second);
        pending(dana, t, first, third);
        pending(other, t, unrelated);
        RecordingSender sender = new RecordingSender(first.id());
        ComplaintOutboxRelay one = new ComplaintOutboxRelay(complaints, sender, config, later, new SimpleMeterRegistry());
        ComplaintOutboxRelay two = new ComplaintOutboxRelay(complaints, sender, config, later, new SimpleMeterRegistry());

        await().atMost(WAIT).until(() -> {
            Uni.combine().all().unis(one.relay(), two.relay()).discardItems().await().atMost(WAIT);
            return sender.sent().containsAll(List.of(first.id(), second.id(), third.id(), unrelated.id()));
        });

        List<String> sent = sender.sent();
        List<String> danas = sent.stream()
                .filter(id -> List.of(first.id(), second.id(), third.id(), "failed:" + first.id()).contains(id)).toList();
        assertThat(danas).containsExactly("failed:" + first.id(), first.id(), second.id(), third.id());
        // Another customer's event is not held back by the failure.
        assertThat(sent.indexOf(unrelated.id())).isLessThan(sent.indexOf(first.id()));
    }

    /** Holds each send for a moment, as a broker's acknowledgement takes one, and counts the sends held at once. */
    @Vetoed
    static final class SlowSender extends OutboundSender {

        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();
        private final List<String> sent = new CopyOnWriteArrayList<>();

        SlowSender() {
            super(null, null, null, "tikun@tikun.test");
        }

        @Override
        public Uni<Void> send(OutboxEvent event) {
            return Uni.createFrom().voidItem()
                    .invoke(() -> mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max))
                    .onItem().delayIt().by(Duration.ofMillis(200))
                    .invoke(() -> {
                        inFlight.decrementAndGet();
                        sent.add(event.id());
                    });
        }
    }

    @Test
    void publishesSeveralCustomersComplaintsAtOnceAndEachCustomersInOrder() {
        Instant t = Instant.now().plus(Duration.ofHours(1));
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        String dana = "customer-" + UUID.randomUUID();
        OutboxEvent danasFirst = event(dana, t);
        OutboxEvent danasSecond = event(dana, t.plusMillis(100));
        pending(dana, t.plusMillis(100), danasSecond);
        pending(dana, t, danasFirst);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String customer = "customer-" + UUID.randomUUID();
            OutboxEvent only = event(customer, t.plusMillis(i));
            pending(customer, t.plusMillis(i), only);
            others.add(only.id());
        }
        SlowSender sender = new SlowSender();
        ComplaintOutboxRelay relay = new ComplaintOutboxRelay(complaints, sender, config, later, new SimpleMeterRegistry());

        await().atMost(WAIT).until(() -> {
            relay.relay().await().atMost(WAIT);
            return sender.sent.containsAll(others) && sender.sent.containsAll(List.of(danasFirst.id(), danasSecond.id()));
        });

        assertThat(config.outbox().relayConcurrency()).isGreaterThan(1);
        assertThat(sender.mostInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(config.outbox().relayConcurrency());
        assertThat(sender.sent.indexOf(danasFirst.id())).isLessThan(sender.sent.indexOf(danasSecond.id()));
    }
}
