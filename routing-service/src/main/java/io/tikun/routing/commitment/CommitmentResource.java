package io.tikun.routing.commitment;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import io.tikun.routing.cases.Actor;
import io.tikun.routing.outbox.OutboxRelay;

/** Promises made to customers on a case. */
@Path("/api/v1/cases/{caseId}/commitments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Commitments")
public class CommitmentResource {

    private final CommitmentService service;
    private final OutboxRelay relay;
    private final SecurityIdentity identity;

    public CommitmentResource(CommitmentService service, OutboxRelay relay, SecurityIdentity identity) {
        this.service = service;
        this.relay = relay;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a promise made to the customer", description = "Follow-up tracks it until the customer confirms it was kept.")
    public Uni<Response> make(@RestPath UUID caseId, @Valid @NotNull NewCommitmentRequest request) {
        return service.make(caseId, request, Actor.of(identity))
                .call(made -> relay.publishNow(made.outboxIds()))
                .map(made -> Response.accepted(made.commitment()).build());
    }
}
