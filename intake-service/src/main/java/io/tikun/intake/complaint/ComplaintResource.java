package io.tikun.intake.complaint;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;

/** The web channel's complaint API. */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintResource {

    private final ComplaintService service;

    public ComplaintResource(ComplaintService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("channel")
    @Operation(summary = "Submit a complaint", description = "Returns the reference, severity and when the customer will hear back.")
    @APIResponse(responseCode = "202", description = "Accepted as a new complaint")
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key was delivered before: the existing complaint")
    public Uni<Response> submit(@Valid @NotNull NewComplaintRequest request,
            @Parameter(description = "Makes re-deliveries safe: the same key never creates a second complaint") @RestHeader("Idempotency-Key") String idempotencyKey) {
        return service.submit(request, idempotencyKey).map(submission -> {
            ComplaintReceipt receipt = ComplaintReceipt.of(submission.complaint());
            return submission.created()
                    ? Response.accepted(receipt).location(URI.create("/api/v1/complaints/" + receipt.id())).build()
                    : Response.ok(receipt).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "channel", "agent", "manager", "admin" })
    @Operation(summary = "Read one complaint")
    public Uni<ComplaintView> get(@RestPath String id) {
        return service.get(id).map(ComplaintView::of);
    }
}
