package io.tikun.routing.callback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.tikun.routing.commitment.NewCommitmentRequest;

/**
 * What came of a call: the outcome, a note (for REACHED_RESOLVED the resolution, required), and for
 * REACHED_FIX_PROMISED the promise in the customer's words, its owner and due date (required).
 */
public record CallbackOutcomeRequest(
        @NotNull CallbackOutcome outcome,
        @Size(max = 5000) String note,
        @Valid NewCommitmentRequest promise) {
}
