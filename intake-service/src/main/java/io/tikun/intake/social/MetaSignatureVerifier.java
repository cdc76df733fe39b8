package io.tikun.intake.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks Meta (Facebook, Messenger, Instagram, WhatsApp) webhooks: the {@code X-Hub-Signature-256} header on
 * deliveries and the verify token on the subscription handshake.
 */
@ApplicationScoped
public class MetaSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String SUBSCRIBE_MODE = "subscribe";

    /**
     * True when the header is {@code sha256=<hex HMAC-SHA256(appSecret, rawBody)>}. The body must be the exact bytes
     * received: re-serialized JSON would not match.
     */
    public boolean isAuthentic(byte[] rawBody, String signatureHeader, String appSecret) {
        byte[] expected = HmacSha256.mac(appSecret, rawBody);
        String hex = HmacSha256.encodedMac(signatureHeader);
        if (hex == null) {
            return false;
        }
        try {
            return HmacSha256.matches(expected, HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    /**
     * Answers Meta's GET handshake ({@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}): the challenge
     * to echo back when the mode is "subscribe" and the token is ours, else empty, and the caller refuses with 403.
     */
    public Optional<String> subscriptionChallenge(String mode, String verifyToken, String challenge,
            String configuredToken) {
        if (configuredToken == null || configuredToken.isBlank()) {
            throw new IllegalArgumentException("Meta verify token is not configured");
        }
        if (!SUBSCRIBE_MODE.equals(mode) || verifyToken == null || challenge == null || challenge.isEmpty()) {
            return Optional.empty();
        }
        boolean tokenMatches = MessageDigest.isEqual(configuredToken.getBytes(StandardCharsets.UTF_8),
                verifyToken.getBytes(StandardCharsets.UTF_8));
        return tokenMatches ? Optional.of(challenge) : Optional.empty();
    }
}
