package io.tikun.followup.commitment;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Taking up a disputed promise again: by when it will now be kept, and why (what changes this time). */
public record ReopenRequest(@NotNull Instant dueAt, @NotBlank @Size(max = ClaimDoneRequest.MAX_NOTE) String note) {
}
