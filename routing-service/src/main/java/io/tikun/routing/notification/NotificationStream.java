package io.tikun.routing.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.outbox.EventJson;

/**
 * The live notifications of this instance: every stream notification it delivers goes to every client
 * connected at that moment (no replay; a client that connects later reads the stored ones instead). With
 * several routing instances a client sees what the instance it is connected to delivers.
 */
@ApplicationScoped
public class NotificationStream {

    /** First event on every connection: the client is subscribed from then on. */
    public static final String READY = "ready";
    /** One notification, JSON ({@link StreamedNotification}), with the notification id as event id. */
    public static final String NOTIFICATION = "notification";

    private final BroadcastProcessor<StreamedNotification> live = BroadcastProcessor.create();
    private final EventJson json;
    private final int buffer;

    public NotificationStream(EventJson json, RoutingConfig config) {
        this.json = json;
        this.buffer = config.notifications().streamBuffer();
    }

    public void publish(StreamedNotification notification) {
        live.onNext(notification);
    }

    /** Server-Sent Events for one client: {@code ready} once subscribed, then each {@code notification}. */
    public Multi<OutboundSseEvent> events(Sse sse) {
        // Subscribed to the live feed before "ready" goes out, so nothing stored after "ready" is missed.
        return Multi.createBy().merging().streams(
                // A burst (one escalation pass of many cases) waits here for a slow client instead of failing it.
                live.onOverflow().buffer(buffer)
                        .map(n -> sse.newEventBuilder().name(NOTIFICATION).id(n.id().toString()).data(json.write(n))
                                .build()),
                Multi.createFrom().item(() -> sse.newEventBuilder().name(READY).data("{}").build()));
    }
}
