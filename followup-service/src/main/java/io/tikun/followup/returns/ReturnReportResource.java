package io.tikun.followup.returns;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.reporting.Csv;
import io.tikun.followup.reporting.PromiseReportParameters;

/** The return on complaint handling for managers, with the cost model's assumptions beside the figures. */
@Path("/api/v1/reports/return")
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class ReturnReportResource {

    private final ReturnReportQueries queries;

    public ReturnReportResource(ReturnReportQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(summary = "Value of churn-intent complainers who stayed against handling cost, over [from, to)", description = "from and to are ISO-8601 instants; every configured figure used is listed "
            + "under assumptions. Accept: text/csv for the same as CSV.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE) })
    public Uni<Response> report(@BeanParam @Valid PromiseReportParameters window, HttpHeaders headers) {
        return queries.report(window.start(), window.end()).map(r -> Csv.respond(headers, r, ReturnReportQueries::csv));
    }
}
