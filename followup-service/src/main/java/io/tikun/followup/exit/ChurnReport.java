package io.tikun.followup.exit;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/customers/{id}/churned}; the reason is optional. */
public record ChurnReport(@Size(max = 1000) String reason) {
}
