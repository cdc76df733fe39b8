package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FormTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final String SECRET = "a-test-secret-of-at-least-32-characters";

    private static FormTokens at(Instant now) {
        return new FormTokens(SECRET, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsGoodForTheUserItWasIssuedTo() {
        String token = at(NOW).issue("bob");
        assertThat(at(NOW.plusSeconds(600)).valid("bob", token)).isTrue();
        assertThat(at(NOW).valid("carol", token)).isFalse();
    }

    @Test
    void anExpiredTamperedOrMissingTokenIsRefused() {
        String token = at(NOW).issue("bob");
        assertThat(at(NOW.plus(Duration.ofHours(13))).valid("bob", token)).isFalse();
        assertThat(at(NOW).valid("bob", token.substring(0, token.length() - 2) + "xx")).isFalse();
        assertThat(at(NOW).valid("bob", (NOW.getEpochSecond() + 1) + token.substring(token.indexOf('.')))).isFalse();
        assertThat(at(NOW).valid("bob", null)).isFalse();
        assertThat(at(NOW).valid("bob", "garbage")).isFalse();
    }

    @Test
    void anotherSecretMakesOtherTokens() {
        String token = at(NOW).issue("bob");
        FormTokens other = new FormTokens("another-secret-of-at-least-32-characters", Duration.ofHours(12),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.valid("bob", token)).isFalse();
    }
}
