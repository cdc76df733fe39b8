package io.tikun.followup.outbox;

import static io.tikun.followup.commitment.CommitmentFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * One customer's events leave the outbox in the order they were written, even across a failed publish; a failure
 * holds back only the later events of the same customer.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxOrderTest {

    private static final String TOPIC = "commitments.updated";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    FaultInjectingEventPublisher publisher;

    @Inject
    TestClock clock;

    @Inject
    FollowupConfig config;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private OutboxMessage message(String key, String step, Instant at) {
        return OutboxMessage.of(TOPIC, key, "tikun.commitment.test-" + step,
                "{\"customerId\":\"" + key + "\",\"step\":\"" + step + "\"}", at);
    }

    private void write(OutboxMessage... messages) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.persist(List.of(messages))));
    }

    private OutboxMessage stored(UUID id) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> outbox.findById(id)));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static boolean isOf(ConsumerRecord<String, String> record, OutboxMessage message) {
        return message.id.toString().equals(KafkaTopicReader.header(record, "ce_id"));
    }

    @Test
    void aFailedEventHoldsBackTheLaterEventsOfItsKeyOnlyAndAllGoOutInOrder() throws Throwable {
        String customer = "cust-" + UUID.randomUUID();
        String otherCustomer = "cust-" + UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OutboxMessage first = message(customer, "first", now);
        OutboxMessage second = message(customer, "second", now.plusMillis(1));
        OutboxMessage other = message(otherCustomer, "other", now.plusMillis(2));
        publisher.failNextAttemptAt(first.id);

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, TOPIC)) {
            write(first, second, other);
            VertxContextSupport.subscribeAndAwait(relay::relayDue);

            // The other customer's event went out in the same pass, after the failed and the held-back one.
            topic.await(r -> isOf(r, other), WAIT);
            await().atMost(WAIT).until(() -> stored(other.id).publishedAt != null);
            assertThat(stored(first.id).publishedAt).isNull();
            assertThat(stored(second.id).publishedAt).as("the event after the failed one waits").isNull();
            assertThat(topic.all(r -> isOf(r, first) || isOf(r, second), Duration.ofSeconds(2))).isEmpty();

            // Once the failed event's claim lapses, both go out, the first one first.
            clock.advance(config.outbox().claimFor().plusSeconds(1));
            VertxContextSupport.subscribeAndAwait(relay::relayDue);

            topic.await(r -> isOf(r, second), WAIT);
            List<ConsumerRecord<String, String>> sent = topic.all(r -> r.key().equals(customer), Duration.ofSeconds(2));
            assertThat(sent).extracting(r -> KafkaTopicReader.header(r, "ce_id"))
                    .containsExactly(first.id.toString(), second.id.toString());
            assertThat(stored(first.id).publishedAt).isNotNull();
            assertThat(stored(second.id).publishedAt).isNotNull();
        }
    }
}
