package io.tikun.intake.merge;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/customers/{id}/merge}: the customer record to fold into the one in the path. */
public record MergeRequest(@NotBlank String duplicateCustomerId) {
}
