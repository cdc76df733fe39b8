package io.tikun.intake.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Spends one request of a budget for a key (a client IP, a typed address, a credential), failing with
 * {@link RateLimitedProblem} once the window's budget is spent. Windows are fixed, aligned to the epoch, and
 * counted in MongoDB, so every instance sees the same count. A credential's requests are tallied in memory and stored
 * in batches while its window is below {@code credential.batched-below} of the budget ({@link LocalTallies}).
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitRepository counters;
    private final RateLimitConfig config;
    private final Clock clock;
    private final LocalTallies tallies;

    public RateLimiter(RateLimitRepository counters, RateLimitConfig config, Clock clock) {
        this.counters = counters;
        this.config = config;
        this.clock = clock;
        this.tallies = new LocalTallies(counters::increment);
    }

    /** @return a failure with {@link RateLimitedProblem} when {@code key} has spent this window's budget */
    public Uni<Void> acquire(RateLimit limit, String key) {
        if (!config.enabled() || key == null || key.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        long now = clock.millis();
        Instant windowEnd = windowEnd(limit, now);
        String counterId = counterId(limit, key, windowEnd);
        if (limit == RateLimit.CREDENTIAL) {
            return Uni.createFrom().deferred(() -> tallies.admit(counterId, windowEnd, Instant.ofEpochMilli(now),
                    batchedBelow(limit)) ? Uni.createFrom().voidItem() : countedFirst(limit, counterId, windowEnd, now));
        }
        return countedFirst(limit, counterId, windowEnd, now);
    }

    /** Counts the request in the store, then lets it through if the window's count is within the budget. */
    private Uni<Void> countedFirst(RateLimit limit, String counterId, Instant windowEnd, long now) {
        return counters.increment(counterId, windowEnd).invoke(count -> tallies.stored(counterId, count)).chain(count -> {
            if (count <= requests(limit)) {
                return Uni.createFrom().voidItem();
            }
            // Whole seconds, rounded up: a client retrying at Retry-After lands in the next window.
            long retryAfter = Math.max(1, (windowEnd.toEpochMilli() - now + 999) / 1000);
            Log.debugf("Rate limit %s spent (%d requests); retry in %d s", limit, count, retryAfter);
            return Uni.createFrom().failure(new RateLimitedProblem("Too many requests; at most " + requests(limit)
                    + " per " + window(limit) + ". Try again in " + retryAfter + " seconds.", retryAfter));
        });
    }

    /** The budget key of a channel's bearer token: its subject, so every client of one credential shares it. */
    public static String tokenKey(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? null
                : "token:" + security.getUserPrincipal().getName();
    }

    /**
     * The stored counter of {@code key}'s window ending at {@code windowEnd}. The key is hashed: typed e-mail
     * addresses and IPs are not kept in clear for the sake of counting them.
     */
    static String counterId(RateLimit limit, String key, Instant windowEnd) {
        return limit.key() + ":" + sha256(key) + ":" + windowEnd.toEpochMilli();
    }

    /** The counter {@code key} spends on now, for reading what other instances counted. */
    public String currentCounterId(RateLimit limit, String key) {
        return counterId(limit, key, windowEnd(limit, clock.millis()));
    }

    /** Windows are aligned to the epoch, so every instance agrees on where one ends. */
    private Instant windowEnd(RateLimit limit, long nowMillis) {
        long windowMillis = window(limit).toMillis();
        return Instant.ofEpochMilli(nowMillis - Math.floorMod(nowMillis, windowMillis) + windowMillis);
    }

    private Duration window(RateLimit limit) {
        return switch (limit) {
            case CLIENT_IP -> config.clientIp().window();
            case TARGET -> config.target().window();
            case CREDENTIAL -> config.credential().window();
        };
    }

    /** The count below which a credential's requests are tallied in memory and stored in batches (LocalTallies). */
    private long batchedBelow(RateLimit limit) {
        return (long) Math.floor(requests(limit) * config.credential().batchedBelow());
    }

    private int requests(RateLimit limit) {
        return switch (limit) {
            case CLIENT_IP -> config.clientIp().requests();
            case TARGET -> config.target().requests();
            case CREDENTIAL -> config.credential().requests();
        };
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
