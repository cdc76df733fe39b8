package io.tikun.routing.probe;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Probe report for a period", description = "Probes received in [from, to), per channel: "
            + "count; seconds from sending to acknowledgement and to the first human response (p50, p90, max, "
            + "nearest rank); probes still unanswered. CSV when text/csv is asked for first, else JSON.")
    public Uni<Response> report(
            @Parameter(description = "ISO-8601 instant, inclusive", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant, exclusive", required = true) @RestQuery String to,
            HttpHeaders headers) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("Query parameter 'from' must be before 'to'.");
        }
        boolean csv = wantsCsv(headers);
        return probes.probes(start, end).map(found -> ProbeReport.of(start, end, found))
                .map(report -> csv ? Response.ok(report.toCsv(), CSV + ";charset=UTF-8").build()
                        : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** CSV only when asked for by name ahead of JSON; a client accepting anything gets JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Instant required(String name, String value) {
        Instant instant = QueryParameters.instant(name, value);
        if (instant == null) {
            throw new BadRequestException("Query parameter '" + name + "' is required (an ISO-8601 instant).");
        }
        return instant;
    }
}
