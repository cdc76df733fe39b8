package io.tikun.followup.exit;

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
import io.tikun.followup.access.Caller;

/** The retention team's exit interviews: the open ones to hold, and the result of each. */
@Path("/api/v1/exit-interviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Exit interviews")
public class ExitInterviewResource {

    private final ExitInterviewService service;
    private final SecurityIdentity identity;

    public ExitInterviewResource(ExitInterviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Exit interviews, newest first, each with the customer's complaints and commitments", description = "state OPEN or COMPLETED (default every state), page from 0, size 1 to 200 (50). A bad value "
            + "is a 400 problem naming the parameter.")
    public Uni<List<ExitInterviewView>> list(@BeanParam @Valid ExitInterviewListParameters parameters) {
        return service.list(parameters.state(), parameters.page(), parameters.size());
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the interview's notes and outcome", description = "409 if it was already completed; 403 for an agent "
            + "who does not hold it (managers and admins complete any).")
    public Uni<ExitInterviewView> complete(@RestPath UUID id, @Valid @NotNull CompletedInterview result) {
        return service.complete(id, result, Caller.of(identity));
    }
}
