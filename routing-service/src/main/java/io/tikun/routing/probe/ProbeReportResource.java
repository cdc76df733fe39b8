package io.tikun.routing.probe;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.QueryParameters;

/** The mystery shopper's report, for managers: per channel, how fast a probe was acknowledged and answered. */
@Path("/api/v1/reports/probes")
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class ProbeReportResource {

    static final String CSV = "text/csv";

    private final ProbeReportRepository probes;

    public ProbeReportResource(ProbeReportRepository probes) {
        this.probes = probes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Probe report for a period", description = "Probes received in [from, to), per channel: "
            + "count; seconds from sending to acknowledgement and to the first human response (p50, p90, max, "
            + "nearest rank); probes still unanswered. Text/csv on Accept: text/csv.")
    public Uni<ProbeReport> report(
            @Parameter(description = "ISO-8601 instant, inclusive", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant, exclusive", required = true) @RestQuery String to) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("Query parameter 'from' must be before 'to'.");
        }
        return probes.probes(start, end).map(found -> ProbeReport.of(start, end, found));
    }

    @GET
    @Produces(CSV + ";charset=UTF-8")
    public Uni<String> csv(@RestQuery String from, @RestQuery String to) {
        return report(from, to).map(ProbeReport::toCsv);
    }

    private static Instant required(String name, String value) {
        Instant instant = QueryParameters.instant(name, value);
        if (instant == null) {
            throw new BadRequestException("Query parameter '" + name + "' is required (an ISO-8601 instant).");
        }
        return instant;
    }
}
