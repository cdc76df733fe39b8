package io.tikun.routing.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Delivers committed notifications right after their commit without the caller waiting: a consumer goes on with its
 * next message or batch while a delivery pass ({@code delivery.batch-size} rows, on a context and session of its own)
 * sends the alerts queued so far. Two lanes, one pass at a time in each: the urgent lane's alerts (HIGH and CRITICAL
 * cases) never wait behind a pass of a backlog's. What this instance does not get to (it stops) the scheduled pass
 * delivers once the claim lapses, as for any notification.
 */
@ApplicationScoped
public class BackgroundDelivery {

    private final Lane ordinary;
    private final Lane urgent;

    @Inject
    public BackgroundDelivery(NotificationDispatcher dispatcher, Vertx vertx, RoutingConfig config) {
        this(dispatcher::deliverNow, vertx, config.notifications().delivery().batchSize());
    }

    BackgroundDelivery(Function<List<UUID>, Uni<Void>> deliver, Vertx vertx, int batchSize) {
        this.ordinary = new Lane(deliver, vertx, batchSize);
        this.urgent = new Lane(deliver, vertx, batchSize);
    }

    /** Queues these committed notifications for delivery now, behind those queued before. */
    public void deliverSoon(List<UUID> ids) {
        ordinary.queue(ids);
    }

    /** Queues these committed notifications of an urgent case for delivery now, ahead of any backlog's. */
    public void deliverUrgentSoon(List<UUID> ids) {
        urgent.queue(ids);
    }

    /** A queue of committed notification ids and its one delivery pass at a time. */
    private static final class Lane {

        private final Function<List<UUID>, Uni<Void>> deliver;
        private final Vertx vertx;
        private final int batchSize;
        private final Queue<UUID> queued = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean delivering = new AtomicBoolean();

        Lane(Function<List<UUID>, Uni<Void>> deliver, Vertx vertx, int batchSize) {
            this.deliver = deliver;
            this.vertx = vertx;
            this.batchSize = batchSize;
        }

        void queue(List<UUID> ids) {
            if (ids.isEmpty()) {
                return;
            }
            queued.addAll(ids);
            nextPass();
        }

        private void nextPass() {
            if (!delivering.compareAndSet(false, true)) {
                return;
            }
            List<UUID> pass = new ArrayList<>();
            for (UUID id = queued.poll(); id != null; id = pass.size() < batchSize ? queued.poll() : null) {
                pass.add(id);
            }
            if (pass.isEmpty()) {
                delivering.set(false);
                if (!queued.isEmpty()) {
                    nextPass();
                }
                return;
            }
            // A duplicated context of its own: the reactive session of this pass must not be the consumer's.
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> deliver.apply(pass)
                    .onFailure().recoverWithItem(failure -> {
                        Log.warnf("Alert delivery deferred to the scheduler: %s", failure.getMessage());
                        return null;
                    })
                    .subscribe().with(done -> {
                        delivering.set(false);
                        nextPass();
                    }));
        }
    }
}
