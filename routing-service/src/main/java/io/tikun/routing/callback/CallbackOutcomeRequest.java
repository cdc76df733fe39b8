package io.tikun.routing.callback;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.tikun.routing.commitment.NewCommitmentRequest;

/**
 * What came of a call: the outcome, a note (for REACHED_RESOLVED the resolution, required), and for
 * REACHED_FIX_PROMISED the promise in the customer's words, its owner and due date (required); for NOT_REACHED
 * optionally when to call again ({@code retryAt}, else {@code callback.retry-after} from now).
 */
public record CallbackOutcomeRequest(
        @NotNull CallbackOutcome outcome,
        @Size(max = 5000) String note,
        @Valid NewCommitmentRequest promise,
        @Future Instant retryAt) {

    public CallbackOutcomeRequest(CallbackOutcome outcome, String note, NewCommitmentRequest promise) {
        this(outcome, note, promise, null);
    }
}
