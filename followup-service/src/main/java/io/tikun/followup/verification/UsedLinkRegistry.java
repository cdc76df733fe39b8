package io.tikun.followup.verification;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Remembers which links were used, so each works once. A port: the signature alone cannot know it, and the store
 * (a table with a unique nonce) is chosen by whoever wires the verification endpoint.
 */
public interface UsedLinkRegistry {

    /**
     * Records the link's nonce atomically.
     *
     * @param expiresAt after this the record may be deleted, since the expired link is refused anyway
     * @return true if this is the first use, false if the nonce was already recorded
     */
    Uni<Boolean> markUsed(String nonce, Instant expiresAt);
}
