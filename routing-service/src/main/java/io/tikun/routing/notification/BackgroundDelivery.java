package io.tikun.routing.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.tikun.routing.RoutingConfig;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Delivers committed notifications right after their commit without the caller waiting: a consumer draining a backlog
 * goes on with its next batch while one delivery pass at a time ({@code delivery.batch-size} rows, on a context and
 * session of its own) sends the alerts queued so far. What this instance does not get to (it stops) the scheduled pass
 * delivers once the claim lapses, as for any notification.
 */
@ApplicationScoped
public class BackgroundDelivery {

    private final NotificationDispatcher dispatcher;
    private final Vertx vertx;
    private final int batchSize;
    private final Queue<UUID> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    public BackgroundDelivery(NotificationDispatcher dispatcher, Vertx vertx, RoutingConfig config) {
        this.dispatcher = dispatcher;
        this.vertx = vertx;
        this.batchSize = config.notifications().delivery().batchSize();
    }

    /** Queues these committed notifications for delivery now, behind those queued before. */
    public void deliverSoon(List<UUID> ids) {
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
        context.runOnContext(ignored -> dispatcher.deliverNow(pass)
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
