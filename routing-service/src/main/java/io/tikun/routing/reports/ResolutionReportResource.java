package io.tikun.routing.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
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
import io.tikun.routing.taxonomy.Taxonomy;

/** What agents decided at resolution, for managers: the classifier's accuracy, and weekly trends. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "manager", "admin" })
@Tag(name = "Reports")
public class ResolutionReportResource {

    static final int MAX_WEEKS = 104;

    private final ResolutionReportRepository store;
    private final Taxonomy taxonomy;
    private final Clock clock;

    public ResolutionReportResource(ResolutionReportRepository store, Taxonomy taxonomy, Clock clock) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @GET
    @Path("/classification-accuracy")
    @Operation(summary = "The classifier's accuracy against agents' decisions", description = "Cases resolved in "
            + "[from, to) (each by its latest resolution there): per category the classifier gave, resolved, confirmed, "
            + "corrected, accuracy and confusions; overall accuracy and the top confusions.")
    public Uni<ClassificationAccuracy> accuracy(
            @Parameter(description = "ISO-8601 instant, inclusive", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant, exclusive", required = true) @RestQuery String to) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("Query parameter 'from' must be before 'to'.");
        }
        return store.decisions(start, end).map(decisions -> ClassificationAccuracy.of(start, end, decisions));
    }

    @GET
    @Path("/trends")
    @Operation(summary = "Resolved cases per ISO week by category or root cause", description = "The last `weeks` ISO "
            + "weeks (UTC, the current one included), every week and every configured value listed, zeros included.")
    public Uni<Trends> trends(
            @Parameter(description = "category or rootCause", required = true) @RestQuery String by,
            @Parameter(description = "how many weeks, 1 to 104 (default 12)") @RestQuery @DefaultValue("12") String weeks) {
        TrendBy trendBy = TrendBy.parse(by);
        if (trendBy == null) {
            throw new BadRequestException("Query parameter 'by' must be category or rootCause.");
        }
        int count = weeks(weeks);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var configured = trendBy == TrendBy.CATEGORY ? taxonomy.categoryCodes() : taxonomy.rootCauseCodes();
        return store.weekly(trendBy, Trends.firstMonday(today, count), now)
                .map(counted -> Trends.of(trendBy, count, today, configured, counted));
    }

    private static int weeks(String value) {
        try {
            int weeks = Integer.parseInt(value.strip());
            if (weeks >= 1 && weeks <= MAX_WEEKS) {
                return weeks;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("Query parameter 'weeks' must be a whole number from 1 to " + MAX_WEEKS + ".");
    }

    private static Instant required(String name, String value) {
        Instant instant = QueryParameters.instant(name, value);
        if (instant == null) {
            throw new BadRequestException("Query parameter '" + name + "' is required (an ISO-8601 instant).");
        }
        return instant;
    }
}
