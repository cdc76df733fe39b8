package io.tikun.routing.reports;

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

/** How fast customers are answered, for managers: first responses and replies in business minutes, per group. */
@Path("/api/v1/reports/response-times")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class ResponseTimeResource {

    private final ResponseTimeService service;

    public ResponseTimeResource(ResponseTimeService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Response times for a period", description = "Answers given in [from, to): count, median, "
            + "p90 and max business minutes of first responses and of replies, per agent, channel or severity.")
    public Uni<ResponseTimeReport> report(
            @Parameter(description = "agent, channel or severity", required = true) @RestQuery String by,
            @Parameter(description = "ISO-8601 instant, inclusive", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant, exclusive", required = true) @RestQuery String to) {
        GroupBy groupBy = QueryParameters.oneOf(GroupBy.class, "by", by);
        if (groupBy == null) {
            throw new BadRequestException("Query parameter 'by' is required: agent, channel or severity.");
        }
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("Query parameter 'from' must be before 'to'.");
        }
        return service.report(groupBy, start, end);
    }

    private static Instant required(String name, String value) {
        Instant instant = QueryParameters.instant(name, value);
        if (instant == null) {
            throw new BadRequestException("Query parameter '" + name + "' is required (an ISO-8601 instant).");
        }
        return instant;
    }
}
