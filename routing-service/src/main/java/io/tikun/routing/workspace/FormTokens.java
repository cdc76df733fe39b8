package io.tikun.routing.workspace;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Anti-forgery tokens for the workspace's forms: the time of issue and an HMAC of it with the user's name, so a token
 * is good only for the user it was rendered for and only for {@code form-valid-for}. (The session cookie is also
 * SameSite=Lax; the token guards what that does not.)
 */
@ApplicationScoped
public class FormTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private final Duration validFor;
    private final Clock clock;

    @Inject
    public FormTokens(WorkspaceConfig config, Clock clock) {
        this(config.formSecret(), config.formValidFor(), clock);
    }

    FormTokens(String secret, Duration validFor, Clock clock) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.validFor = validFor;
        this.clock = clock;
    }

    public String issue(String user) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + sign(user, issued);
    }

    public boolean valid(String user, String token) {
        if (token == null || user == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        if (at.isAfter(now.plusSeconds(60)) || at.plus(validFor).isBefore(now)) {
            return false;
        }
        return MessageDigest.isEqual(sign(user, issued).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String user, long issued) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((issued + "\n" + user).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
