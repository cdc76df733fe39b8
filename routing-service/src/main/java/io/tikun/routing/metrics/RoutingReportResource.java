package io.tikun.routing.metrics;

import java.time.Clock;
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

/** Routing's report for managers: first-response times, breach rates, escalations and callback outcomes. */
@Path("/api/v1/reports/routing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class RoutingReportResource {

    private final RoutingReportRepository reports;
    private final Clock clock;

    public RoutingReportResource(RoutingReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Routing figures for a period", description = "Cases opened, escalations and calls made in [from, to).")
    public Uni<RoutingReport> report(
            @Parameter(description = "ISO-8601 instant, inclusive", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant, exclusive", required = true) @RestQuery String to) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("Query parameter 'from' must be before 'to'.");
        }
        return reports.report(start, end, clock.instant());
    }

    private static Instant required(String name, String value) {
        Instant instant = QueryParameters.instant(name, value);
        if (instant == null) {
            throw new BadRequestException("Query parameter '" + name + "' is required (an ISO-8601 instant).");
        }
        return instant;
    }
}
