package io.tikun.followup.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Shared constants and factories for the link tests; immutable, so tests cannot affect each other. */
final class LinkFixtures {

    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration TTL = Duration.ofDays(14);
    static final String BASE_URL = "https://tikun.example.com/verify";

    static final String CURRENT_SECRET = "current-link-secret-for-tests-only-0002";
    static final String OLD_SECRET = "previous-link-secret-for-tests-only-0001";
    static final String FOREIGN_SECRET = "someone-elses-link-secret-for-tests-0009";

    static final UUID COMMITMENT = UUID.fromString("0b7d3c1a-5e2f-4a6b-9c8d-7e6f5a4b3c2d");
    static final UUID OTHER_COMMITMENT = UUID.fromString("9a8b7c6d-5e4f-4321-8765-0fedcba98765");
    static final Instant EXPIRY = NOW.plus(TTL);

    private LinkFixtures() {
    }

    static SignedLinkService service(String... secrets) {
        return new SignedLinkService(List.of(secrets), TTL, BASE_URL, CLOCK);
    }

    static SignedLinkService service() {
        return service(CURRENT_SECRET);
    }
}
