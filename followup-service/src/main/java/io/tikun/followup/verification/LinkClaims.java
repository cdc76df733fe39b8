package io.tikun.followup.verification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a signed link says.
 *
 * @param nonce random, base64url; identifies this one link for single use
 */
public record LinkClaims(int version, UUID commitmentId, LinkAction action, Instant expiresAt, String nonce) {

    public LinkClaims {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nonce, "nonce");
    }
}
