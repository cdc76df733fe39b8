package io.tikun.intake.merge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.customer.CustomerProfile;

/** Lets a manager fold a duplicate customer record into the right one (irreversible, so not an agent's call). */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Customers")
public class CustomerMergeResource {

    private final CustomerMergeService merges;
    private final SecurityIdentity caller;

    public CustomerMergeResource(CustomerMergeService merges, SecurityIdentity caller) {
        this.merges = merges;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/merge")
    @Operation(summary = "Merge the duplicate customer into this one: its identifiers, complaints and timeline "
            + "move here; the merge is recorded with who did it and when")
    public Uni<CustomerProfile> merge(@RestPath String id, @Valid @NotNull MergeRequest request) {
        return merges.merge(id, request.duplicateCustomerId().strip(), caller.getPrincipal().getName());
    }
}
