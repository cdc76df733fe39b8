package io.tikun.followup.reporting;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

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
            + "and CSAT, over [from, to)", description = "from and to are ISO-8601 instants, from before to.")
    public Uni<PromiseReport> promises(@RestQuery String from, @RestQuery String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' must be before 'to'.");
        }
        return queries.report(start, end);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("'" + name + "' is required, as an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
    }
}
