package io.tikun.intake.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
        String quarantineId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field. */
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of(), null);
    }
}
