package io.tikun.routing.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the case actions. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** What the customer was told in the first response, in a line. */
    public record FirstResponse(@NotBlank @Size(max = 2000) String summary) {
    }

    /**
     * How the complaint was resolved (quoted in the thank-you to the customer), the category the agent confirms or
     * corrects and the root cause; both codes of the configured lists (checked by the taxonomy, which names the
     * allowed values).
     */
    public record Resolve(@NotBlank @Size(max = 5000) String resolution, String category, String rootCause) {
    }

    public record Reopen(@NotBlank @Size(max = 2000) String reason) {
    }

    /** What the agent writes to the customer (its length is limited by configuration). */
    public record Reply(@NotBlank String text) {
    }

    /** An internal note (its length is limited by configuration). */
    public record Note(@NotBlank String text) {
    }

    public record Assign(@NotBlank @Size(max = 200) String assignee) {
    }
}
