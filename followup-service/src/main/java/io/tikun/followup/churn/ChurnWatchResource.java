package io.tikun.followup.churn;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Churn-intent complaints followed to an outcome: list them, and record whether the customer stayed or left. */
@Path("/api/v1/churn-watches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Churn")
public class ChurnWatchResource {

    private final ChurnWatchService service;
    private final SecurityIdentity identity;

    public ChurnWatchResource(ChurnWatchService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Churn watches, newest first", description = "outcome UNKNOWN, STAYED or LEFT (default every "
            + "one), page from 0, size 1 to 200 (50).")
    public Uni<List<ChurnWatchView>> list(@BeanParam @Valid ChurnWatchListParameters parameters) {
        return service.list(parameters.outcome(), parameters.page(), parameters.size());
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record whether the customer stayed or left", description = "outcome STAYED or LEFT; it "
            + "replaces an earlier decision. 404 for an unknown watch.")
    public Uni<ChurnWatchView> decide(@RestPath UUID id, @Valid @NotNull ChurnOutcomeRequest request) {
        return service.decide(id, request.asOutcome(), request.note(), identity.getPrincipal().getName());
    }
}
