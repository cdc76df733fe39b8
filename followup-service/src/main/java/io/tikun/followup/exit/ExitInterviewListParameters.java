package io.tikun.followup.exit;

import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestQuery;

import io.tikun.followup.problem.QueryParameters;

/**
 * The query parameters of the exit interview listing, taken as text and checked by pattern, so that a bad value is
 * answered with a 400 problem naming the parameter and what it allows (see {@link QueryParameters}).
 */
public class ExitInterviewListParameters {

    static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page; also spelled out in {@link #SIZE}. */
    static final int MAX_PAGE_SIZE = 200;

    /** Every {@link ExitInterviewState}, as the API spells it. */
    static final String STATE = "OPEN|COMPLETED";
    static final String SIZE = "[1-9]\\d?|1\\d\\d|200";

    @RestQuery
    @Pattern(regexp = STATE, message = "must be OPEN or COMPLETED")
    String state;

    @RestQuery
    @Pattern(regexp = QueryParameters.PAGE, message = QueryParameters.PAGE_MESSAGE)
    String page;

    @RestQuery
    @Pattern(regexp = SIZE, message = "must be a whole number from 1 to " + MAX_PAGE_SIZE)
    String size;

    /** The state to list, or null for every state. */
    ExitInterviewState state() {
        return state == null ? null : ExitInterviewState.valueOf(state);
    }

    int page() {
        return page == null ? 0 : Integer.parseInt(page);
    }

    int size() {
        return size == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(size);
    }
}
