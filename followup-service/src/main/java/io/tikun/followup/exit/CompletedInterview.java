package io.tikun.followup.exit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/exit-interviews/{id}/complete}: what the customer said (free text) and what came of
 * it, with the reason from the configured list ({@code tikun.followup.churn.exit-reasons}); the reason is required
 * when the customer left.
 */
public record CompletedInterview(@NotBlank @Size(max = 4000) String notes, @NotNull ExitOutcome outcome,
        @Size(max = 40) String reason) {
}
