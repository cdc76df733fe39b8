package io.tikun.routing.hotspot;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.notification.NotificationDispatcher;
import io.tikun.routing.outbox.EventJson;

/**
 * Consumes intake's {@code hotspots.detected}: stores the hotspot and tells the service managers once, idempotent on
 * the hotspot id (intake keeps it stable for a subject and window end); unreadable messages are dead-lettered.
 */
@ApplicationScoped
public class HotspotDetectedConsumer {

    // As for complaints: a failure to apply a well-formed event is the database's; retry before dead-lettering.
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private final HotspotService hotspots;
    private final NotificationDispatcher dispatcher;
    private final EventJson json;
    private final Clock clock;

    public HotspotDetectedConsumer(HotspotService hotspots, NotificationDispatcher dispatcher, EventJson json,
            Clock clock) {
        this.hotspots = hotspots;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("hotspots-detected")
    public Uni<Void> onHotspotDetected(Message<String> message) {
        HotspotDetected event;
        try {
            event = json.read(message.getPayload(), HotspotDetected.class);
            event.requireComplete();
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable hotspots.detected event: " + e.getMessage()));
        }
        return hotspots.record(event, clock.instant())
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .call(ids -> dispatcher.deliverNow(ids).onFailure().recoverWithItem(failure -> {
                    Log.warnf("Hotspot alert delivery deferred to the scheduler: %s", failure.getMessage());
                    return null;
                }))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a hotspots.detected message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
