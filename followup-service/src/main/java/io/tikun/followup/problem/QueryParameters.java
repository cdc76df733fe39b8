package io.tikun.followup.problem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;

/**
 * What the listings' query parameters have in common. They are taken as text and checked by pattern, so that a bad
 * value is answered with a 400 problem naming the parameter and what it allows: a failed conversion to a number, an
 * enum or a UUID would be a bare 404 from the framework.
 */
public final class QueryParameters {

    /** An ISO-8601 instant with a zone offset or {@code Z}; seconds and fractions optional. */
    public static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";
    public static final String INSTANT_MESSAGE = "must be an ISO-8601 instant such as 2026-11-25T12:00:00Z";

    /**
     * A page number from 0. Seven digits at most, so that a page times the largest page size of any listing still
     * fits the row offset (an int): a larger one could only ever be empty anyway.
     */
    public static final String PAGE = "\\d{1,7}";
    public static final String PAGE_MESSAGE = "must be a page number from 0 to 9999999";

    private QueryParameters() {
    }

    /**
     * The instant a pattern-checked parameter names. The pattern lets through impossible dates such as month 13;
     * those are refused here, by name too.
     */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Query parameter '" + name + "' is not a valid date and time: " + value);
        }
    }
}
