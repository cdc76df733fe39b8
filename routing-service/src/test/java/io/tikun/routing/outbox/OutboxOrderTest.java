package io.tikun.routing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.ManualJobsProfile;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.time.MovableClock;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** One key's events leave the outbox in the order they were written, whatever happens to the other keys. */
@QuarkusTest
@TestProfile(ManualJobsProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxOrderTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    RoutingConfig config;

    /**
     * Records what it publishes; refuses the first attempt of the messages it is told to, as a broker hiccup would.
     * Vetoed: it would otherwise inherit the publisher's bean scope and stand beside it.
     */
    @Vetoed
    static final class FlakyPublisher extends EventPublisher {
        final List<UUID> published = new CopyOnWriteArrayList<>();
        final Set<UUID> refuseOnce = ConcurrentHashMap.newKeySet();

        FlakyPublisher() {
            super(null);
        }

        @Override
        public Uni<Void> publish(OutboxMessage message) {
            if (refuseOnce.remove(message.id)) {
                return Uni.createFrom().failure(new IllegalStateException("broker refused"));
            }
            published.add(message.id);
            return Uni.createFrom().voidItem();
        }

        List<UUID> of(OutboxMessage... mine) {
            Set<UUID> ids = Set.of(java.util.Arrays.stream(mine).map(m -> m.id).toArray(UUID[]::new));
            return published.stream().filter(ids::contains).toList();
        }
    }

    private static OutboxMessage message(String key, Instant at) {
        return OutboxMessage.of("cases.updated", key, "tikun.case.updated", "{}", at);
    }

    private void store(OutboxMessage... messages) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.persist(List.of(messages))));
    }

    private Instant publishedAt(OutboxMessage m) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> outbox.findById(m.id)).publishedAt;
    }

    @Test
    void aFailedPublishHoldsBackTheLaterEventsOfItsKeyOnlyAndTheyFollowInOrder() throws Throwable {
        Instant t0 = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        String customer = "cust-" + UUID.randomUUID();
        String other = "cust-" + UUID.randomUUID();
        OutboxMessage received = message(customer, t0);
        OutboxMessage elsewhere = message(other, t0.plusMillis(1));
        OutboxMessage responded = message(customer, t0.plusMillis(2));
        OutboxMessage resolved = message(customer, t0.plusMillis(3));
        store(resolved, elsewhere, responded, received);
        MovableClock clock = new MovableClock();
        FlakyPublisher publisher = new FlakyPublisher();
        publisher.refuseOnce.add(received.id);
        OutboxRelay relay = new OutboxRelay(outbox, publisher, config, clock);

        VertxContextSupport.subscribeAndAwait(relay::relayDue);

        assertThat(publisher.of(received, elsewhere, responded, resolved)).containsExactly(elsewhere.id);
        assertThat(publishedAt(responded)).as("waits behind the failed first event of its key").isNull();
        assertThat(publishedAt(resolved)).isNull();

        // The failed claim lapses; the next pass publishes the key's events in the order they were written.
        clock.advance(config.outbox().claimFor().plusSeconds(1));
        VertxContextSupport.subscribeAndAwait(relay::relayDue);

        assertThat(publisher.of(received, elsewhere, responded, resolved))
                .containsExactly(elsewhere.id, received.id, responded.id, resolved.id);
        assertThat(publishedAt(resolved)).isNotNull();
    }

    @Test
    void publishingALaterEventAtOnceNeverOvertakesAnEarlierOneOfItsKey() throws Throwable {
        Instant t0 = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        String customer = "cust-" + UUID.randomUUID();
        OutboxMessage received = message(customer, t0);
        OutboxMessage resolved = message(customer, t0.plusMillis(1));
        store(received, resolved);
        FlakyPublisher publisher = new FlakyPublisher();
        OutboxRelay relay = new OutboxRelay(outbox, publisher, config, new MovableClock());

        VertxContextSupport.subscribeAndAwait(() -> relay.publishNow(List.of(resolved.id)));

        assertThat(publisher.of(received, resolved)).containsExactly(received.id, resolved.id);
    }
}
