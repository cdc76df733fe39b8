package io.tikun.routing.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/** The manager console's figures as JSON, for API clients with a bearer token. */
@Path("/api/v1/console/overview")
@RolesAllowed({ "manager", "admin" })
public class ConsoleApiResource {

    private final ConsoleService console;

    public ConsoleApiResource(ConsoleService console) {
        this.console = console;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConsoleOverview> overview() {
        return console.overview();
    }
}
