package io.tikun.routing.cases;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** Cases for agents and managers. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Cases")
public class CaseResource {

    private final CaseService service;

    public CaseResource(CaseService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Find the case opened for a complaint")
    public Uni<List<CaseView>> findByComplaint(@RestQuery @NotBlank String complaintId) {
        return service.findByComplaint(complaintId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one case with its escalation history and notifications")
    public Uni<CaseView> get(@RestPath UUID id) {
        return service.view(id);
    }
}
