package io.tikun.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.tikun.intake.social.MovableClock;

class SignedLinksTest {

    private final MovableClock clock = new MovableClock();
    private final SignedLinks links = new SignedLinks(FormSecret.of("test-secret", new SecureRandom()), clock);

    @Test
    void aLinkOpensUntilItsExpiryAndNotAfter() {
        String token = links.token("receipt", "c-1", clock.instant().plus(Duration.ofDays(30)));

        assertThat(links.verify("receipt", "c-1", token)).isEqualTo(SignedLinks.Verdict.VALID);
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(links.verify("receipt", "c-1", token)).isEqualTo(SignedLinks.Verdict.VALID);
        clock.advance(Duration.ofMinutes(2));
        assertThat(links.verify("receipt", "c-1", token)).isEqualTo(SignedLinks.Verdict.EXPIRED);
    }

    @Test
    void aLinkOpensOnlyWhatItWasMadeForAndItsExpiryCannotBeMovedOn() {
        String token = links.token("receipt", "c-1", clock.instant().plusSeconds(60));
        String expiry = token.substring(0, token.indexOf('.'));
        String moved = (Long.parseLong(expiry) + 86_400) + token.substring(token.indexOf('.'));

        assertThat(links.verify("receipt", "c-2", token)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("confirm-requester", "c-1", token)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("receipt", "c-1", moved)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("receipt", "c-1", null)).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("receipt", "c-1", "no-dot")).isEqualTo(SignedLinks.Verdict.INVALID);
        SignedLinks otherKey = new SignedLinks(FormSecret.of("other", new SecureRandom()),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertThat(otherKey.verify("receipt", "c-1", token)).isEqualTo(SignedLinks.Verdict.INVALID);
    }
}
