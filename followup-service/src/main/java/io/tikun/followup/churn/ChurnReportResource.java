package io.tikun.followup.churn;

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
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Churn among churn-intent complainers over [from, to), by category, promise kept or broken, "
            + "and first response within its SLA or not", description = "from and to are ISO-8601 instants; "
                    + "Accept: text/csv for the same figures as CSV.")
    public Uni<ChurnRateReport> json(@BeanParam @Valid PromiseReportParameters window) {
        return queries.report(window.start(), window.end());
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The churn report as CSV")
    public Uni<String> csv(@BeanParam @Valid PromiseReportParameters window) {
        return queries.report(window.start(), window.end()).map(r -> Csv.document(ChurnReportQueries.csv(r)));
    }
}
