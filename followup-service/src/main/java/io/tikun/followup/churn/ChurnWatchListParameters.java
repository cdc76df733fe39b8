package io.tikun.followup.churn;

import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestQuery;

import io.tikun.followup.problem.QueryParameters;

/** The churn watch listing's query parameters, pattern-checked so that a bad value is a 400 naming it. */
public class ChurnWatchListParameters {

    static final int DEFAULT_PAGE_SIZE = 50;

    @RestQuery
    @Pattern(regexp = "UNKNOWN|STAYED|LEFT", message = "must be UNKNOWN, STAYED or LEFT")
    String outcome;

    @RestQuery
    @Pattern(regexp = QueryParameters.PAGE, message = QueryParameters.PAGE_MESSAGE)
    String page;

    @RestQuery
    @Pattern(regexp = "[1-9]\\d?|1\\d\\d|200", message = "must be a whole number from 1 to 200")
    String size;

    ChurnOutcome outcome() {
        return outcome == null ? null : ChurnOutcome.valueOf(outcome);
    }

    int page() {
        return page == null ? 0 : Integer.parseInt(page);
    }

    int size() {
        return size == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(size);
    }
}
