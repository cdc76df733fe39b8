package io.tikun.intake.web;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tokens for links Tikun hands out (the receipt page, the requester's confirmation): {@code <expiry>.<HMAC>} over the
 * link's purpose, its id and its expiry, so a link opens only the thing it was made for and only until it expires.
 */
@ApplicationScoped
public class SignedLinks {

    /** What a presented token proves. */
    public enum Verdict {
        VALID,
        EXPIRED,
        INVALID
    }

    private final FormSecret secret;
    private final Clock clock;

    public SignedLinks(FormSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public String token(String purpose, String id, Instant expires) {
        String expiry = Long.toString(expires.getEpochSecond());
        return expiry + "." + secret.sign(purpose, id, expiry);
    }

    /** Signature first, expiry second: a forged token is INVALID whatever expiry it claims. */
    public Verdict verify(String purpose, String id, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (id == null || dot <= 0) {
            return Verdict.INVALID;
        }
        String expiry = token.substring(0, dot);
        if (!secret.verify(token.substring(dot + 1), purpose, id, expiry)) {
            return Verdict.INVALID;
        }
        try {
            return clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(expiry))) ? Verdict.VALID
                    : Verdict.EXPIRED;
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
    }

    Instant now() {
        return clock.instant();
    }
}
