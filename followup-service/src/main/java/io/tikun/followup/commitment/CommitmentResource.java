package io.tikun.followup.commitment;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import io.tikun.followup.outbox.OutboxRelay;
import io.tikun.followup.verification.CustomerRequestSender;

/** Promises being tracked, for agents and managers, and the owner's claim that one was kept. */
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Commitments")
public class CommitmentResource {

    private final CommitmentService service;
    private final OutboxRelay relay;
    private final CustomerRequestSender customers;
    private final SecurityIdentity identity;

    public CommitmentResource(CommitmentService service, OutboxRelay relay, CustomerRequestSender customers,
            SecurityIdentity identity) {
        this.service = service;
        this.relay = relay;
        this.customers = customers;
        this.identity = identity;
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

    @POST
    @Path("/{id}/claim-done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim a promise kept", description = "The commitment becomes CLAIMED_DONE, commitments.updated "
            + "announces it, and the customer is e-mailed two signed links to confirm or deny it. 409 if its status "
            + "does not allow a claim.")
    public Uni<CommitmentView> claimDone(@RestPath UUID id, @Valid @NotNull ClaimDoneRequest request) {
        // The customer is asked only after the claim committed: a mail for a claim that rolled back would ask about
        // nothing. A failed mail is logged; it does not undo the claim.
        return service.claimDone(id, request.note(), identity.getPrincipal().getName())
                .call(applied -> relay.publishNow(List.of(applied.outboxId())))
                .call(applied -> customers.ask(applied.commitment()))
                .map(CommitmentTransitions.Applied::commitment);
    }
}
