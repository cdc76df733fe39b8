package io.tikun.intake.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    /**
     * A digest of what was submitted, so a re-used Idempotency-Key with a different complaint is
     * recognized as a client error instead of silently answered with the first complaint.
     */
    public String fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String part : new String[] { customer.name(), customer.email(), customer.phone(), subject, body }) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Who is complaining, as they told us. */
    public record CustomerDetails(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{6,40}", message = "must be a phone number") String phone) {
    }
}
