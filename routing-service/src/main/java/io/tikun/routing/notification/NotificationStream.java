package io.tikun.routing.notification;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.outbox.EventJson;

/**
 * The live notifications for the SSE clients connected to this instance: every stream notification any
 * routing instance delivers reaches them once, through {@link SharedStreamListener}. A client that reconnects
 * with {@code Last-Event-ID} (as a browser's EventSource does) first gets, after {@code ready}, the stream
 * notifications sent since that one, up to {@code stream-replay-limit}.
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
    private final NotificationRepository notifications;
    private final EventJson json;
    private final int buffer;
    private final int replayLimit;
    private final AtomicInteger clients = new AtomicInteger();

    public NotificationStream(NotificationRepository notifications, EventJson json, RoutingConfig config) {
        this.notifications = notifications;
        this.json = json;
        this.buffer = config.notifications().streamBuffer();
        this.replayLimit = config.notifications().streamReplayLimit();
    }

    /** Pushes one notification to the clients connected now; called once per announced notification. */
    public void publish(StreamedNotification notification) {
        publisher.onNext(notification);
    }

    /** Whether any client is connected to this instance's stream now (announcements need reading only then). */
    public boolean hasClients() {
        return clients.get() > 0;
    }

    /** Server-Sent Events for one client: {@code ready} once subscribed, then each {@code notification}. */
    public Multi<OutboundSseEvent> events(Sse sse) {
        return events(sse, null);
    }

    /**
     * Like {@link #events(Sse)} for a client that saw the notification {@code lastEventId} last (null: a first
     * connection): what was sent since comes right after {@code ready}. A notification both replayed and announced
     * live meanwhile goes out once.
     */
    public Multi<OutboundSseEvent> events(Sse sse, UUID lastEventId) {
        Set<UUID> sent = ConcurrentHashMap.newKeySet();
        Multi<StreamedNotification> missed = lastEventId == null ? Multi.createFrom().empty()
                : notifications.streamedSince(lastEventId, replayLimit)
                        .onItem().transformToMulti(found -> Multi.createFrom().iterable(found))
                        .onItem().transformToIterable(this::readable);
        // Subscribed to the live feed before "ready" goes out, so nothing stored after "ready" is missed.
        Multi<OutboundSseEvent> events = Multi.createBy().merging().streams(
                // A burst (one escalation pass of many cases) waits here for a slow client instead of failing it.
                live.onOverflow().buffer(buffer).select().where(n -> sent.add(n.id())).map(n -> event(sse, n)),
                Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(() -> sse.newEventBuilder().name(READY).data("{}").build()),
                        missed.select().where(n -> sent.add(n.id())).map(n -> event(sse, n))));
        // Counted before the live feed is subscribed to (so before "ready"), until the client goes away however it does.
        return Multi.createFrom().deferred(() -> {
            clients.incrementAndGet();
            return events.onTermination().invoke(clients::decrementAndGet);
        });
    }

    private OutboundSseEvent event(Sse sse, StreamedNotification n) {
        return sse.newEventBuilder().name(NOTIFICATION).id(n.id().toString()).data(json.write(n)).build();
    }

    /** The stored notification as it was streamed; one whose body cannot be read is left out of a replay. */
    private List<StreamedNotification> readable(Notification stored) {
        try {
            return List.of(json.read(stored.body, StreamedNotification.class));
        } catch (JsonProcessingException e) {
            Log.warnf("Stream notification %s has an unreadable body; not replayed: %s", stored.id, e.getMessage());
            return List.of();
        }
    }
}
