package io.tikun.followup.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Promise-keeping reports for managers. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class PromiseReportResource {

    private final PromiseReportQueries queries;

    public PromiseReportResource(PromiseReportQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/promises")
    @Operation(summary = "Promises kept on time, mean time to a verified fix, broken promises per owner and team, "
            + "and CSAT, over [from, to)", description = "from and to are ISO-8601 instants, from before to; a missing "
                    + "or bad one is a 400 problem naming it.")
    public Uni<PromiseReport> promises(@BeanParam @Valid PromiseReportParameters window) {
        return queries.report(window.start(), window.end());
    }
}
