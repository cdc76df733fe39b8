package io.tikun.followup.verification;

import static io.tikun.followup.verification.LinkFixtures.COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.EXPIRY;
import static io.tikun.followup.verification.LinkFixtures.NOW;
import static io.tikun.followup.verification.LinkFixtures.OTHER_COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class LinkRedemptionTest {

    private final SignedLinkService links = service();
    private final InMemoryUsedLinkRegistry registry = new InMemoryUsedLinkRegistry();

    private LinkVerification redeem(String token, UUID expected, Instant now) {
        return links.redeem(token, expected, now, registry).await().indefinitely();
    }

    @Test
    void acceptsALinkOnceAndCallsEveryLaterUseAlreadyUsed() {
        String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        LinkVerification first = redeem(token, COMMITMENT, NOW);
        LinkVerification second = redeem(token, COMMITMENT, NOW.plusSeconds(5));
        LinkVerification third = redeem(token, null, NOW.plusSeconds(10));

        assertThat(first.outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(second.outcome()).isEqualTo(LinkOutcome.ALREADY_USED);
        assertThat(second.claims()).isEqualTo(first.claims());
        assertThat(third.outcome()).isEqualTo(LinkOutcome.ALREADY_USED);
    }

    @Test
    void recordsTheNonceUntilTheLinkExpires() {
        String token = links.issue(COMMITMENT, LinkAction.CSAT, EXPIRY);

        LinkClaims claims = redeem(token, COMMITMENT, NOW).validClaims();

        assertThat(registry.used()).containsExactly(Map.entry(claims.nonce(), EXPIRY));
    }

    @Test
    void doesNotUseUpALinkThatWasRefusedForAnotherReason() {
        String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        assertThat(redeem(token, OTHER_COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.WRONG_COMMITMENT);
        assertThat(redeem(tamper(token), COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.TAMPERED);
        assertThat(redeem("garbage", COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.MALFORMED);
        assertThat(registry.used()).isEmpty();

        assertThat(redeem(token, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void reportsAnExpiredLinkAsExpiredEvenIfItWasUsedBefore() {
        String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
        redeem(token, COMMITMENT, NOW);

        assertThat(redeem(token, COMMITMENT, EXPIRY).outcome()).isEqualTo(LinkOutcome.EXPIRED);
    }

    @Test
    void usesUpEachLinkOfTheSameCommitmentSeparately() {
        String confirm = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
        String deny = links.issue(COMMITMENT, LinkAction.DENY_FIXED, EXPIRY);

        assertThat(redeem(confirm, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(redeem(deny, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(redeem(confirm, COMMITMENT, NOW).outcome()).isEqualTo(LinkOutcome.ALREADY_USED);
    }

    @Test
    void failsRatherThanAcceptingWhenTheRegistryCannotAnswer() {
        String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
        UsedLinkRegistry down = (nonce, expiresAt) -> Uni.createFrom().failure(new IllegalStateException("db down"));

        assertThatThrownBy(() -> links.redeem(token, COMMITMENT, NOW, down).await().indefinitely())
                .hasMessageContaining("db down");
    }

    private static String tamper(String token) {
        char first = token.charAt(0);
        return (first == 'A' ? 'B' : 'A') + token.substring(1);
    }
}
