package io.tikun.routing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;

class BackgroundDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Vertx vertx = Vertx.vertx();
    private final List<List<UUID>> passes = new CopyOnWriteArrayList<>();
    private final Set<UUID> stalled = ConcurrentHashMap.newKeySet();
    private final List<UniEmitter<? super Void>> unfinished = new CopyOnWriteArrayList<>();

    /** A delivery pass that finishes at once, unless it holds a stalled id: that pass hangs like a slow mail server. */
    private Uni<Void> deliver(List<UUID> pass) {
        passes.add(List.copyOf(pass));
        if (pass.stream().anyMatch(stalled::contains)) {
            return Uni.createFrom().emitter(unfinished::add);
        }
        return Uni.createFrom().voidItem();
    }

    @AfterEach
    void closeVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void anUrgentAlertIsDeliveredWhileAPassOfTheBacklogHangs() {
        BackgroundDelivery delivery = new BackgroundDelivery(this::deliver, vertx, 100);
        UUID backlog = UUID.randomUUID();
        stalled.add(backlog);
        delivery.deliverSoon(List.of(backlog));
        await().atMost(WAIT).until(() -> unfinished.size() == 1);

        UUID urgent = UUID.randomUUID();
        delivery.deliverUrgentSoon(List.of(urgent));

        await().atMost(WAIT).until(() -> passes.contains(List.of(urgent)));
    }

    @Test
    void eachLaneRunsOnePassAtATimeAndTakesWhatQueuedMeanwhileTogether() {
        BackgroundDelivery delivery = new BackgroundDelivery(this::deliver, vertx, 100);
        UUID first = UUID.randomUUID();
        stalled.add(first);
        delivery.deliverSoon(List.of(first));
        await().atMost(WAIT).until(() -> unfinished.size() == 1);

        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        delivery.deliverSoon(List.of(second));
        delivery.deliverSoon(List.of(third));
        // The lane's pass is still out: nothing more may start on it.
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> passes.size() == 1);

        unfinished.get(0).complete(null);
        await().atMost(WAIT).until(() -> passes.size() == 2);
        assertThat(passes.get(1)).containsExactly(second, third);
    }
}
