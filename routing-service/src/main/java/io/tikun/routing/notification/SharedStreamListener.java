package io.tikun.routing.notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.outbox.EventJson;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Hears every stream notification any routing instance delivers: LISTENs on the shared stream's PostgreSQL
 * channel over a connection of its own, reads the announced notifications (together, those of one turn of its event
 * loop) and pushes them to this instance's SSE clients ({@link NotificationStream}), if it has any. A dropped connection is
 * reconnected (and LISTENs again) for as long
 * as the instance runs; what is announced meanwhile is not replayed, as for a client that reconnects.
 */
@ApplicationScoped
public class SharedStreamListener {

    /** Doublings of the reconnection wait before it is only ever capped. */
    private static final int MAX_DOUBLINGS = 20;
    /** Ids read by one query, at most: well under PostgreSQL's limit on a statement's parameters. */
    private static final int READ_AT_MOST = 500;

    private final Vertx vertx;
    private final PgConnectOptions connection;
    private final NotificationRepository notifications;
    private final NotificationStream stream;
    private final EventJson json;
    private final RoutingConfig.SharedStream config;
    private final AnnouncedIds announced = new AnnouncedIds(READ_AT_MOST);
    private volatile PgSubscriber subscriber;
    private volatile boolean listening;
    private volatile boolean stopped;

    public SharedStreamListener(Vertx vertx, NotificationRepository notifications, NotificationStream stream,
            EventJson json, RoutingConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") List<String> urls,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.connection = ListenConnectOptions.of(urls, username, password);
        this.notifications = notifications;
        this.stream = stream;
        this.json = json;
        this.config = config.notifications().sharedStream();
    }

    void start(@Observes StartupEvent event) {
        connect(0);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        listening = false;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.closeAndForget();
        }
    }

    /** Whether this instance is connected and LISTENing, so it hears what every instance delivers. */
    public boolean listening() {
        PgSubscriber current = subscriber;
        return listening && current != null && current.actualConnection() != null;
    }

    public String channel() {
        return config.channel();
    }

    /**
     * The first connection: a subscriber that cannot connect at all is discarded and a new one tried after the
     * reconnection wait (the subscriber itself only reconnects connections it once had).
     */
    private void connect(int attempt) {
        if (stopped) {
            return;
        }
        PgSubscriber candidate = PgSubscriber.subscriber(vertx, connection).reconnectPolicy(this::reconnectIn);
        candidate.channel(config.channel())
                .subscribeHandler(() -> {
                    listening = true;
                    Log.infof("Live notification stream listening on PostgreSQL channel %s", config.channel());
                })
                .handler(this::announced);
        subscriber = candidate;
        candidate.connect().subscribe().with(connected -> {
            if (stopped) {
                candidate.closeAndForget();
            }
        }, failure -> {
            Duration wait = waitBefore(attempt);
            Log.warnf("Live notification stream cannot connect to PostgreSQL (%s); trying again in %s",
                    failure.getMessage(), wait);
            candidate.closeAndForget();
            vertx.setTimer(wait.toMillis(), timer -> connect(attempt + 1));
        });
    }

    /** The subscriber's policy after a drop: always try again, waiting longer after each failed attempt. */
    private Long reconnectIn(Integer attempt) {
        listening = false;
        if (stopped) {
            return -1L;
        }
        Duration wait = waitBefore(attempt);
        Log.warnf("Live notification stream lost its PostgreSQL connection; reconnecting in %s (attempt %d)", wait,
                attempt + 1);
        return wait.toMillis();
    }

    private Duration waitBefore(int attempt) {
        Duration wait = config.reconnectAfter().multipliedBy(1L << Math.min(attempt, MAX_DOUBLINGS));
        return wait.compareTo(config.reconnectAtMost()) > 0 ? config.reconnectAtMost() : wait;
    }

    /**
     * One NOTIFY: its payload is the id of a stream notification some instance marked sent. With no client connected
     * here it is not read at all: a client connecting later gets what is announced from then on, and one reconnecting
     * replays from the table. Otherwise it is gathered with those announced in the same turn of the event loop, and
     * they are read together once the turn ends.
     */
    private void announced(String payload) {
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            Log.warnf("Ignoring an announcement on %s that is not a notification id: %s", config.channel(), payload);
            return;
        }
        if (stream.hasClients() && announced.add(id)) {
            vertx.getDelegate().getOrCreateContext().runOnContext(ignored -> readAnnounced());
        }
    }

    /** Reads the gathered notifications on a fresh duplicated context each, as a Hibernate Reactive session needs. */
    private void readAnnounced() {
        for (List<UUID> ids : announced.take()) {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> notifications.byIds(ids).subscribe().with(
                    found -> inAnnouncedOrder(ids, found).forEach(this::push),
                    failure -> Log.warnf("%d announced notifications could not be read: %s", ids.size(),
                            failure.getMessage())));
        }
    }

    private static List<Notification> inAnnouncedOrder(List<UUID> ids, List<Notification> found) {
        Map<UUID, Notification> byId = new HashMap<>();
        found.forEach(n -> byId.put(n.id, n));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private void push(Notification n) {
        if (!NotificationChannels.STREAM.equals(n.channel) || n.state != DeliveryState.SENT) {
            Log.warnf("Ignoring announced notification %s: not a sent stream notification", n.id);
            return;
        }
        try {
            stream.publish(json.read(n.body, StreamedNotification.class));
        } catch (JsonProcessingException e) {
            Log.warnf("Announced notification %s has an unreadable body: %s", n.id, e.getMessage());
        }
    }
}
