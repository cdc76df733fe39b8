package io.tikun.followup.verification;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/** A registry for tests only: production needs one that survives restarts and is shared by all instances. */
final class InMemoryUsedLinkRegistry implements UsedLinkRegistry {

    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    @Override
    public Uni<Boolean> markUsed(String nonce, Instant expiresAt) {
        return Uni.createFrom().item(() -> used.putIfAbsent(nonce, expiresAt) == null);
    }

    Map<String, Instant> used() {
        return Map.copyOf(used);
    }
}
