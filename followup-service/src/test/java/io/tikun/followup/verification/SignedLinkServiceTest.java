package io.tikun.followup.verification;

import static io.tikun.followup.verification.LinkFixtures.BASE_URL;
import static io.tikun.followup.verification.LinkFixtures.CLOCK;
import static io.tikun.followup.verification.LinkFixtures.COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.CURRENT_SECRET;
import static io.tikun.followup.verification.LinkFixtures.EXPIRY;
import static io.tikun.followup.verification.LinkFixtures.NOW;
import static io.tikun.followup.verification.LinkFixtures.OTHER_COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.TTL;
import static io.tikun.followup.verification.LinkFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignedLinkServiceTest {

    private static final int ISSUES = 200;

    private final SignedLinkService links = service();

    @ParameterizedTest
    @EnumSource(LinkAction.class)
    void roundTripsCommitmentActionExpiryAndNonce(LinkAction action) {
        String token = links.issue(COMMITMENT, action, EXPIRY);

        LinkVerification verification = links.verify(token, COMMITMENT, NOW);

        assertThat(verification.outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(verification.isValid()).isTrue();
        LinkClaims claims = verification.validClaims();
        assertThat(claims.version()).isEqualTo(1);
        assertThat(claims.commitmentId()).isEqualTo(COMMITMENT);
        assertThat(claims.action()).isEqualTo(action);
        assertThat(claims.expiresAt()).isEqualTo(EXPIRY);
        assertThat(Base64.getUrlDecoder().decode(claims.nonce())).hasSize(16);
    }

    @Test
    void acceptsALinkForAnyCommitmentWhenNoneIsExpected() {
        String token = links.issue(OTHER_COMMITMENT, LinkAction.CSAT, EXPIRY);

        assertThat(links.verify(token, null, NOW).validClaims().commitmentId()).isEqualTo(OTHER_COMMITMENT);
    }

    @Test
    void issuesALinkForTheConfiguredTimeToLiveUnderTheBaseUrl() {
        IssuedLink link = links.issueLink(COMMITMENT, LinkAction.CONFIRM_FIXED);

        assertThat(link.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(link.url().toString()).isEqualTo(BASE_URL + "?token=" + link.token());
        assertThat(link.url().getQuery()).isEqualTo("token=" + link.token());
        assertThat(links.verify(link.token(), COMMITMENT, NOW).validClaims().expiresAt()).isEqualTo(link.expiresAt());
    }

    @Test
    void appendsTheTokenToABaseUrlThatAlreadyHasAQuery() {
        SignedLinkService withQuery = new SignedLinkService(List.of(CURRENT_SECRET), TTL,
                "https://tikun.example.com/verify?lang=he", CLOCK);

        IssuedLink link = withQuery.issueLink(COMMITMENT, LinkAction.DENY_FIXED);

        assertThat(link.url().toString()).isEqualTo("https://tikun.example.com/verify?lang=he&token=" + link.token());
    }

    @Test
    void reportsTheWholeSecondTheTokenReallyExpiresAt() {
        Clock midSecond = Clock.fixed(Instant.parse("2026-11-23T03:00:00.750Z"), ZoneOffset.UTC);
        SignedLinkService service = new SignedLinkService(List.of(CURRENT_SECRET), TTL, BASE_URL, midSecond);

        IssuedLink link = service.issueLink(COMMITMENT, LinkAction.CSAT);

        assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-12-07T03:00:00Z"));
        assertThat(service.verify(link.token(), COMMITMENT, link.expiresAt().minusMillis(1)).isValid()).isTrue();
        assertThat(service.verify(link.token(), COMMITMENT, link.expiresAt()).outcome()).isEqualTo(LinkOutcome.EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(LinkAction.class)
    void issuesTokensThatNeedNoEscapingInAUrl(LinkAction action) {
        for (int i = 0; i < ISSUES; i++) {
            String token = links.issue(COMMITMENT, action, EXPIRY);

            assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSize(SignedLinkService.TOKEN_LENGTH);
            assertThat(URLEncoder.encode(token, StandardCharsets.UTF_8)).isEqualTo(token);
        }
    }

    @Test
    void issuesADifferentTokenWithADifferentNonceEveryTime() {
        Set<String> tokens = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < ISSUES; i++) {
            String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
            tokens.add(token);
            nonces.add(links.verify(token, COMMITMENT, NOW).validClaims().nonce());
        }

        assertThat(tokens).hasSize(ISSUES);
        assertThat(nonces).hasSize(ISSUES);
    }

    @Test
    void acceptsALinkUntilTheLastInstantBeforeItsExpirySecond() {
        String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        assertThat(links.verify(token, COMMITMENT, EXPIRY.minusSeconds(1)).outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(links.verify(token, COMMITMENT, EXPIRY.minusNanos(1)).outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void refusesALinkFromItsExpirySecondOnButStillSaysWhatItWasFor() {
        String token = links.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        LinkVerification atExpiry = links.verify(token, COMMITMENT, EXPIRY);
        LinkVerification later = links.verify(token, COMMITMENT, EXPIRY.plus(Duration.ofDays(300)));

        assertThat(atExpiry.outcome()).isEqualTo(LinkOutcome.EXPIRED);
        assertThat(atExpiry.claims()).hasValueSatisfying(c -> assertThat(c.commitmentId()).isEqualTo(COMMITMENT));
        assertThat(later.outcome()).isEqualTo(LinkOutcome.EXPIRED);
    }

    @Test
    void checksExpiryAgainstTheInjectedClockWhenNoTimeIsGiven() {
        String token = links.issue(COMMITMENT, LinkAction.CSAT, EXPIRY);
        Clock atExpiry = Clock.fixed(EXPIRY, ZoneOffset.UTC);
        SignedLinkService later = new SignedLinkService(List.of(CURRENT_SECRET), TTL, BASE_URL, atExpiry);

        assertThat(links.verify(token, COMMITMENT).outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(later.verify(token, COMMITMENT).outcome()).isEqualTo(LinkOutcome.EXPIRED);
    }

    @Test
    void refusesALinkIssuedForAnotherCommitment() {
        String token = links.issue(OTHER_COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        LinkVerification verification = links.verify(token, COMMITMENT, NOW);

        assertThat(verification.outcome()).isEqualTo(LinkOutcome.WRONG_COMMITMENT);
        assertThat(verification.isValid()).isFalse();
        assertThat(verification.claims()).hasValueSatisfying(
                c -> assertThat(c.commitmentId()).isEqualTo(OTHER_COMMITMENT));
    }

    @Test
    void callsAnExpiredLinkForAnotherCommitmentTheWrongCommitment() {
        String token = links.issue(OTHER_COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        assertThat(links.verify(token, COMMITMENT, EXPIRY.plusSeconds(1)).outcome())
                .isEqualTo(LinkOutcome.WRONG_COMMITMENT);
    }

    @Test
    void refusesToHandOutClaimsOfALinkThatIsNotValid() {
        String token = links.issue(OTHER_COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);

        assertThatIllegalStateException().isThrownBy(() -> links.verify(token, COMMITMENT, NOW).validClaims())
                .withMessageContaining("WRONG_COMMITMENT");
    }

    @Test
    void refusesToIssueALinkThatIsAlreadyExpired() {
        assertThatIllegalArgumentException().isThrownBy(() -> links.issue(COMMITMENT, LinkAction.CSAT, NOW));
        // Tokens carry whole seconds, so an expiry within the current second is already over.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignedLinkService(List.of(CURRENT_SECRET), TTL, BASE_URL,
                        Clock.fixed(NOW.plusMillis(500), ZoneOffset.UTC))
                        .issue(COMMITMENT, LinkAction.CSAT, NOW.plusMillis(900)));
    }

    @Test
    void refusesToStartWithoutASecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignedLinkService(List.of(), TTL, BASE_URL, CLOCK))
                .withMessageContaining("TIKUN_FOLLOWUP_LINKS_SECRETS");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignedLinkService(null, TTL, BASE_URL, CLOCK));
    }

    @Test
    void refusesAShortSecretWithoutRevealingIt() {
        String shortSecret = "x".repeat(LinkSigningKeys.MIN_SECRET_BYTES - 1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignedLinkService(List.of(CURRENT_SECRET, shortSecret), TTL, BASE_URL, CLOCK))
                .withMessageContaining("at least 32 bytes")
                .withMessageNotContaining(shortSecret);
    }

    @Test
    void refusesATimeToLiveThatIsNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignedLinkService(List.of(CURRENT_SECRET), Duration.ZERO, BASE_URL, CLOCK));
    }
}
