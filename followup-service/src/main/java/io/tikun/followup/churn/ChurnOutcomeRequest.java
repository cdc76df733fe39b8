package io.tikun.followup.churn;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/churn-watches/{id}/outcome}: STAYED or LEFT, and optionally why. */
public record ChurnOutcomeRequest(
        @NotNull(message = "must be STAYED or LEFT") @Pattern(regexp = "STAYED|LEFT", message = "must be STAYED or LEFT") String outcome,
        @Size(max = 1000) String note) {

    ChurnOutcome asOutcome() {
        return ChurnOutcome.valueOf(outcome);
    }
}
