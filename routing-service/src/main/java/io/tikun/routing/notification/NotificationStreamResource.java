package io.tikun.routing.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;

/**
 * Live notifications as Server-Sent Events ({@link NotificationStream#events}): {@code ready}, then one
 * {@code notification} event (JSON) per notification as any routing instance delivers it.
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
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return stream.events(sse);
    }
}
