package io.tikun.intake.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;

/** Customer records for the people who handle complaints: who a customer is and how they are known. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    private final CustomerService customers;

    public CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    /** {@code PUT /api/v1/customers/{id}/tier}. */
    public record TierChange(@NotNull CustomerTier tier) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "agent", "manager", "admin" })
    @Operation(summary = "The customer with every identifier (email:, phone: in E.164, network ids), tier and merges")
    public Uni<CustomerProfile> get(@RestPath String id) {
        return customers.profile(id);
    }

    @PUT
    @Path("/{id}/tier")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "manager", "admin" })
    @Operation(summary = "Set the customer's value tier (STANDARD, GOLD, VIP); GOLD and VIP raise later complaints' severity")
    public Uni<CustomerProfile> setTier(@RestPath String id, @Valid @NotNull TierChange change) {
        return customers.setTier(id, change.tier());
    }
}
