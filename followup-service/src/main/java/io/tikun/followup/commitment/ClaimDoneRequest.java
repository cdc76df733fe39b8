package io.tikun.followup.commitment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The owner's word that a promise was kept, with what was done; it becomes the history entry's reason. */
public record ClaimDoneRequest(@NotBlank @Size(max = ClaimDoneRequest.MAX_NOTE) String note) {

    /** The width of {@code commitment_change.reason}. */
    static final int MAX_NOTE = 1000;
}
