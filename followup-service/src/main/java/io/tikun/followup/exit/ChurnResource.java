package io.tikun.followup.exit;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Reporting that a customer left, which opens an exit interview for the retention team. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Exit interviews")
public class ChurnResource {

    private final ExitInterviewService service;
    private final SecurityIdentity identity;

    public ChurnResource(ExitInterviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/{id}/churned")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a customer as having left", description = "Opens an exit interview with the "
            + "customer's complaint history: 201. While one is open for the customer, returns it: 200.")
    public Uni<Response> churned(@RestPath @NotBlank @Size(max = 64) String id, @Valid ChurnReport report) {
        String reason = report == null ? null : report.reason();
        return service.reportChurn(id, reason, identity.getPrincipal().getName())
                .map(opened -> (opened.created()
                        ? Response.created(URI.create("/api/v1/exit-interviews/" + opened.interview().id()))
                        : Response.ok())
                        .entity(opened.interview()).build());
    }
}
