package io.tikun.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration VALIDITY = Duration.ofHours(2);
    private static final String FORM = "3f6c2f0e-4c55-4b41-9d9e-1a2b3c4d5e6f";

    private final FormSecret secret = FormSecret.of("unit-test-form-secret", new SecureRandom());

    private CsrfTokens at(Instant instant) {
        return new CsrfTokens(secret, VALIDITY, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void acceptsTheTokenWithItsOwnCookieAndFormWithinItsValidity() {
        CsrfTokens.Issued issued = at(ISSUED).issue(null, FORM);

        assertThat(FormSecret.isNonce(issued.nonce())).isTrue();
        assertThat(at(ISSUED.plus(VALIDITY).minusSeconds(1)).verify(issued.nonce(), FORM, issued.token()))
                .isEqualTo(CsrfTokens.Verdict.VALID);
    }

    @Test
    void keepsAWellFormedCookieNonceSoOtherOpenFormsStayValid() {
        CsrfTokens tokens = at(ISSUED);
        CsrfTokens.Issued first = tokens.issue(null, FORM);
        CsrfTokens.Issued second = tokens.issue(first.nonce(), "another-form");

        assertThat(second.nonce()).isEqualTo(first.nonce());
        assertThat(tokens.verify(first.nonce(), FORM, first.token())).isEqualTo(CsrfTokens.Verdict.VALID);
        assertThat(tokens.verify(first.nonce(), "another-form", second.token())).isEqualTo(CsrfTokens.Verdict.VALID);
    }

    @Test
    void replacesACookieThatIsNotOneOfOurNonces() {
        CsrfTokens.Issued issued = at(ISSUED).issue("attacker-chosen", FORM);

        assertThat(issued.nonce()).isNotEqualTo("attacker-chosen");
        assertThat(FormSecret.isNonce(issued.nonce())).isTrue();
    }

    @Test
    void refusesAMissingCookieFormIdOrToken() {
        CsrfTokens tokens = at(ISSUED);
        CsrfTokens.Issued issued = tokens.issue(null, FORM);

        assertThat(tokens.verify(null, FORM, issued.token())).isEqualTo(CsrfTokens.Verdict.MISSING);
        assertThat(tokens.verify(issued.nonce(), "", issued.token())).isEqualTo(CsrfTokens.Verdict.MISSING);
        assertThat(tokens.verify(issued.nonce(), FORM, " ")).isEqualTo(CsrfTokens.Verdict.MISSING);
    }

    @Test
    void refusesATokenPresentedWithAnotherBrowsersCookie() {
        CsrfTokens tokens = at(ISSUED);
        CsrfTokens.Issued victim = tokens.issue(null, FORM);
        CsrfTokens.Issued attacker = tokens.issue(null, FORM);

        assertThat(tokens.verify(victim.nonce(), FORM, attacker.token())).isEqualTo(CsrfTokens.Verdict.FORGED);
    }

    @Test
    void refusesATokenMovedToAnotherForm() {
        CsrfTokens tokens = at(ISSUED);
        CsrfTokens.Issued issued = tokens.issue(null, FORM);

        assertThat(tokens.verify(issued.nonce(), "other-form", issued.token())).isEqualTo(CsrfTokens.Verdict.FORGED);
    }

    @Test
    void refusesATokenWhoseIssueTimeWasMovedForward() {
        CsrfTokens.Issued issued = at(ISSUED).issue(null, FORM);
        String mac = issued.token().substring(issued.token().indexOf('.') + 1);
        String prolonged = (ISSUED.getEpochSecond() + VALIDITY.toSeconds()) + "." + mac;

        assertThat(at(ISSUED.plus(VALIDITY).plusSeconds(1)).verify(issued.nonce(), FORM, prolonged))
                .isEqualTo(CsrfTokens.Verdict.FORGED);
    }

    @Test
    void refusesGarbageAndTokensSignedWithAnotherSecret() {
        CsrfTokens tokens = at(ISSUED);
        CsrfTokens.Issued issued = tokens.issue(null, FORM);
        CsrfTokens elsewhere = new CsrfTokens(FormSecret.of("another-secret", new SecureRandom()), VALIDITY,
                Clock.fixed(ISSUED, ZoneOffset.UTC));

        assertThat(tokens.verify(issued.nonce(), FORM, "no-dot-here")).isEqualTo(CsrfTokens.Verdict.FORGED);
        assertThat(tokens.verify(issued.nonce(), FORM, "123.%%%not-base64")).isEqualTo(CsrfTokens.Verdict.FORGED);
        assertThat(tokens.verify(issued.nonce(), FORM, "abc.def")).isEqualTo(CsrfTokens.Verdict.FORGED);
        assertThat(elsewhere.verify(issued.nonce(), FORM, issued.token())).isEqualTo(CsrfTokens.Verdict.FORGED);
    }

    @Test
    void expiresAtTheEndOfItsValidityAndIsNeverValidBeforeItWasIssued() {
        CsrfTokens.Issued issued = at(ISSUED).issue(null, FORM);

        assertThat(at(ISSUED.plus(VALIDITY)).verify(issued.nonce(), FORM, issued.token()))
                .isEqualTo(CsrfTokens.Verdict.EXPIRED);
        assertThat(at(ISSUED.minusSeconds(1)).verify(issued.nonce(), FORM, issued.token()))
                .isEqualTo(CsrfTokens.Verdict.EXPIRED);
    }
}
