package io.tikun.followup.churn;

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

/** The churn report for managers: whether customers who threatened to leave did, by category and by handling. */
@Path("/api/v1/reports/churn")
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class ChurnReportResource {

    private final ChurnReportQueries queries;

    public ChurnReportResource(ChurnReportQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(summary = "Churn among churn-intent complainers over [from, to), by category, promise kept or broken, "
            + "and first response within its SLA or not", description = "from and to are ISO-8601 instants; "
                    + "Accept: text/csv for the same figures as CSV.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChurnRateReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE) })
    public Uni<Response> report(@BeanParam @Valid PromiseReportParameters window, HttpHeaders headers) {
        return queries.report(window.start(), window.end()).map(r -> Csv.respond(headers, r, ChurnReportQueries::csv));
    }
}
