package io.tikun.routing.notification;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.outbox.EventJson;

/**
 * The live notifications for the SSE clients connected to this instance: every stream notification any
 * routing instance delivers reaches them once, through {@link SharedStreamListener} (no replay; a client that
 * connects later reads the stored ones instead).
 */
@ApplicationScoped
public class NotificationStream {

    /** First event on every connection: the client is subscribed from then on. */
    public static final String READY = "ready";
    /** One notification, JSON ({@link StreamedNotification}), with the notification id as event id. */
    public static final String NOTIFICATION = "notification";

    private final BroadcastProcessor<StreamedNotification> live = BroadcastProcessor.create();
    // Announcements are read on several event-loop threads at once; a processor takes one item at a time.
    private final Flow.Processor<StreamedNotification, StreamedNotification> publisher = live.serialized();
    private final EventJson json;
    private final int buffer;

    public NotificationStream(EventJson json, RoutingConfig config) {
        this.json = json;
        this.buffer = config.notifications().streamBuffer();
    }

    /** Pushes one notification to the clients connected now; called once per announced notification. */
    public void publish(StreamedNotification notification) {
        publisher.onNext(notification);
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
