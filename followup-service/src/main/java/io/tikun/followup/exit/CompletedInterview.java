package io.tikun.followup.exit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/exit-interviews/{id}/complete}: what the customer said and what came of it. */
public record CompletedInterview(@NotBlank @Size(max = 4000) String notes, @NotNull ExitOutcome outcome) {
}
