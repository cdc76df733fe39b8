package io.tikun.routing.commitment;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A promise made to the customer: what, in the customer's words, who owns it, and by when. */
public record NewCommitmentRequest(
        @NotBlank @Size(max = 2000) String what,
        @NotBlank @Size(max = 200) String owner,
        @NotNull @Future Instant dueAt) {
}
