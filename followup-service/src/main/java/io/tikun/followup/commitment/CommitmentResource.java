package io.tikun.followup.commitment;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** Promises being tracked, for agents and managers. */
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Commitments")
public class CommitmentResource {

    private final CommitmentService service;

    public CommitmentResource(CommitmentService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The commitments made on a case, earliest due first")
    public Uni<List<CommitmentView>> forCase(@RestQuery @NotNull UUID caseId) {
        return service.forCase(caseId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One commitment with its history")
    public Uni<CommitmentView> get(@RestPath UUID id) {
        return service.get(id);
    }
}
