package io.tikun.intake.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A complaint as a web channel submits it. */
public record NewComplaintRequest(
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Size(max = 300) String subject,
        @NotBlank @Size(max = 20_000) String body,
        @Pattern(regexp = "web", message = "must be 'web' (other channels have their own endpoints)") String channel) {

    /** Who is complaining, as they told us. */
    public record CustomerDetails(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{6,40}", message = "must be a phone number") String phone) {
    }
}
