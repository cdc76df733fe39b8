package io.tikun.routing.notification;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestHeader;

import io.smallrye.mutiny.Multi;

/**
 * Live notifications as Server-Sent Events ({@link NotificationStream#events}): {@code ready}, then one
 * {@code notification} event (JSON) per notification as any routing instance delivers it; a client that
 * reconnects with {@code Last-Event-ID} first gets what it missed.
 */
@Path("/api/v1/notifications/stream")
public class NotificationStreamResource {

    private final NotificationStream stream;

    public NotificationStreamResource(NotificationStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ "manager", "admin" })
    public Multi<OutboundSseEvent> live(@Context Sse sse, @RestHeader("Last-Event-ID") String lastEventId) {
        return stream.events(sse, notificationId(lastEventId));
    }

    /** The id a reconnecting client saw last; anything that is not one of ours replays nothing. */
    private static UUID notificationId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(lastEventId.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
