package io.tikun.intake.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tikun.intake.IntakeConfig;

/**
 * Signed double-submit CSRF protection. The browser holds a random nonce in an HttpOnly, SameSite=Strict
 * cookie; the form carries {@code <issued epoch second>.<HMAC(nonce, form id, issued)>}. Another site can
 * neither read the cookie nor compute the MAC, and a token is good only with its own cookie, for its own
 * form, for a limited time.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final String PURPOSE = "csrf";
    private static final char SEPARATOR = '.';

    /** What checking a submitted token found. */
    public enum Verdict {
        VALID,
        MISSING,
        FORGED,
        EXPIRED
    }

    /** The cookie value and the matching form token. */
    public record Issued(String nonce, String token) {
    }

    private final FormSecret secret;
    private final Duration validity;
    private final Clock clock;

    @Inject
    public CsrfTokens(FormSecret secret, IntakeConfig config, Clock clock) {
        this(secret, config.form().tokenValidity(), clock);
    }

    CsrfTokens(FormSecret secret, Duration validity, Clock clock) {
        this.secret = secret;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * A token for one rendered form; the browser's nonce is kept when it has a well-formed one (other open tabs stay valid).
     */
    public Issued issue(String cookieNonce, String formId) {
        String nonce = FormSecret.isNonce(cookieNonce) ? cookieNonce : secret.nonce();
        String issued = Long.toString(clock.instant().getEpochSecond());
        return new Issued(nonce, issued + SEPARATOR + secret.sign(PURPOSE, nonce, formId, issued));
    }

    public Verdict verify(String cookieNonce, String formId, String token) {
        if (isBlank(cookieNonce) || isBlank(formId) || isBlank(token)) {
            return Verdict.MISSING;
        }
        int dot = token.indexOf(SEPARATOR);
        if (dot <= 0) {
            return Verdict.FORGED;
        }
        String issued = token.substring(0, dot);
        if (!secret.verify(token.substring(dot + 1), PURPOSE, cookieNonce, formId, issued)) {
            return Verdict.FORGED;
        }
        // The MAC proves we wrote this number, so parsing it cannot fail.
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(issued));
        Instant now = clock.instant();
        return issuedAt.isAfter(now) || !now.isBefore(issuedAt.plus(validity)) ? Verdict.EXPIRED : Verdict.VALID;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
