package io.tikun.followup.reporting;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.RestQuery;

import io.tikun.followup.problem.QueryParameters;

/**
 * The window of a report (promises, churn, return), {@code [from, to)}: both required, checked by pattern so that a missing or
 * bad
 * value is answered with a 400 problem naming the parameter, like every listing (see {@link QueryParameters}).
 */
public class PromiseReportParameters {

    static final String REQUIRED = "is required, as an ISO-8601 instant such as 2026-11-01T00:00:00Z";

    @RestQuery
    @NotNull(message = REQUIRED)
    @Pattern(regexp = QueryParameters.INSTANT, message = QueryParameters.INSTANT_MESSAGE)
    String from;

    @RestQuery
    @NotNull(message = REQUIRED)
    @Pattern(regexp = QueryParameters.INSTANT, message = QueryParameters.INSTANT_MESSAGE)
    String to;

    /** The window's start; these parameters are already pattern-checked. */
    public Instant start() {
        return QueryParameters.instant("from", from);
    }

    /** The window's end, after its start. */
    public Instant end() {
        Instant end = QueryParameters.instant("to", to);
        if (!start().isBefore(end)) {
            throw new BadRequestException("'from' must be before 'to'.");
        }
        return end;
    }
}
