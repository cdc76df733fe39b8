package io.tikun.routing.callback;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.tikun.routing.commitment.NewCommitmentRequest;

/**
 * What came of a call: the outcome, a note (for REACHED_RESOLVED the resolution, required, with the root cause from the
 * configured list, required, and the category when the manager corrects the case's), and for REACHED_FIX_PROMISED the
 * promise in the customer's words, its owner and due date (required); for NOT_REACHED optionally when to call again
 * ({@code retryAt}, else {@code callback.retry-after} from now).
 */
public record CallbackOutcomeRequest(
        @NotNull CallbackOutcome outcome,
        @Size(max = 5000) String note,
        @Valid NewCommitmentRequest promise,
        @Future Instant retryAt,
        @Size(max = 100) String category,
        @Size(max = 100) String rootCause) {

    public CallbackOutcomeRequest(CallbackOutcome outcome, String note, NewCommitmentRequest promise) {
        this(outcome, note, promise, null);
    }

    public CallbackOutcomeRequest(CallbackOutcome outcome, String note, NewCommitmentRequest promise, Instant retryAt) {
        this(outcome, note, promise, retryAt, null, null);
    }

    /** A call that resolved the complaint: how, why it happened, and the category (null keeps the case's). */
    public static CallbackOutcomeRequest resolved(String note, String category, String rootCause) {
        return new CallbackOutcomeRequest(CallbackOutcome.REACHED_RESOLVED, note, null, null, category, rootCause);
    }
}
