package io.tikun.routing.console;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.notification.NotificationStream;

/**
 * The manager console: a page behind a Keycloak login (the {@code console} OIDC tenant, authorization
 * code flow with a session cookie) and its live stream. Managers and admins see it; anyone else who logs
 * in gets a 403 page.
 */
@Path("/console")
@Authenticated
public class ConsoleResource {

    private static final Set<String> ALLOWED = Set.of("manager", "admin");

    private final ConsoleService console;
    private final NotificationStream stream;
    private final SecurityIdentity identity;
    private final Template page;
    private final Template forbidden;

    public ConsoleResource(ConsoleService console, NotificationStream stream, SecurityIdentity identity,
            @Location("console/page.html") Template page, @Location("console/forbidden.html") Template forbidden) {
        this.console = console;
        this.stream = stream;
        this.identity = identity;
        this.page = page;
        this.forbidden = forbidden;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page() {
        String user = identity.getPrincipal().getName();
        if (ALLOWED.stream().noneMatch(identity::hasRole)) {
            return forbidden.data("user", user).createUni()
                    .map(html -> Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML).entity(html).build());
        }
        return console.overview()
                .chain(overview -> page.data("overview", overview).data("user", user).createUni())
                .map(html -> Response.ok(html, MediaType.TEXT_HTML).build());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ "manager", "admin" })
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return stream.events(sse);
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "manager", "admin" })
    public Uni<ConsoleOverview> overview() {
        return console.overview();
    }
}
