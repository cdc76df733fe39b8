package io.tikun.followup.exit;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The retention team's exit interviews: the open ones to hold, and the result of each. */
@Path("/api/v1/exit-interviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Exit interviews")
public class ExitInterviewResource {

    static final String DEFAULT_PAGE_SIZE = "50";

    private final ExitInterviewService service;
    private final SecurityIdentity identity;

    public ExitInterviewResource(ExitInterviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Exit interviews, newest first, each with the customer's complaints and commitments")
    public Uni<List<ExitInterviewView>> list(@RestQuery ExitInterviewState state,
            @RestQuery @DefaultValue("0") @Min(0) int page,
            @RestQuery @DefaultValue(DEFAULT_PAGE_SIZE) @Min(1) @Max(200) int size) {
        return service.list(state, page, size);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the interview's notes and outcome", description = "409 if it was already completed.")
    public Uni<ExitInterviewView> complete(@RestPath UUID id, @Valid @NotNull CompletedInterview result) {
        return service.complete(id, result, identity.getPrincipal().getName());
    }
}
