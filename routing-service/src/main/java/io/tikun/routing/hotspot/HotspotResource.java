package io.tikun.routing.hotspot;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.QueryParameters;

/** Current and past hotspots for managers, and their acknowledgment. */
@Path("/api/v1/hotspots")
@RolesAllowed({ "manager", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class HotspotResource {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final HotspotService hotspots;
    private final SecurityIdentity identity;

    public HotspotResource(HotspotService hotspots, SecurityIdentity identity) {
        this.hotspots = hotspots;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Current or past hotspots, newest window first", description = "Paged (page from 0, tikun.routing.hotspots.page-size a page); the total is in X-Total-Count.")
    public Uni<Response> list(@Parameter(description = "CURRENT (default) or PAST") @RestQuery String state,
            @Parameter(description = "Page number from 0") @RestQuery String page) {
        // Read as text: an unknown value is the client's mistake (400 naming the choices), not a missing resource.
        HotspotState wanted = QueryParameters.oneOf(HotspotState.class, "state", state);
        int number = pageNumber(page);
        return hotspots.page(wanted == null ? HotspotState.CURRENT : wanted, number)
                .map(result -> Response.ok(result.items()).header(TOTAL_COUNT, result.total()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One hotspot with its figures, state and sample complaints (and their cases)")
    public Uni<HotspotView> get(@RestPath UUID id) {
        return hotspots.find(id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "A manager has seen to the hotspot: it is past from now (the first acknowledgment stands)")
    public Uni<HotspotView> acknowledge(@RestPath UUID id) {
        return hotspots.acknowledge(id, identity.getPrincipal().getName());
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("Query parameter 'page' must be a whole number from 0; got '" + page + "'.");
    }
}
