package io.tikun.intake.social;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks X Account Activity API webhooks: answers the CRC challenge and verifies the
 * {@code x-twitter-webhooks-signature} header on deliveries.
 */
@ApplicationScoped
public class XSignatureVerifier {

    public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
    /** Padded base64 of a 32-byte MAC; the JDK decoder also takes unpadded input, which X never sends. */
    private static final int ENCODED_MAC_LENGTH = 4 * ((HmacSha256.MAC_LENGTH + 2) / 3);

    /**
     * The {@code response_token} for a CRC GET: {@code sha256=<base64 HMAC-SHA256(consumerSecret, crc_token)>}.
     */
    public String crcResponseToken(String crcToken, String consumerSecret) {
        if (crcToken == null || crcToken.isEmpty()) {
            throw new IllegalArgumentException("crc_token is missing");
        }
        byte[] mac = HmacSha256.mac(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8));
        return HmacSha256.SIGNATURE_PREFIX + Base64.getEncoder().encodeToString(mac);
    }

    /** True when the header is {@code sha256=<base64 HMAC-SHA256(consumerSecret, rawBody)>}. */
    public boolean isAuthentic(byte[] rawBody, String signatureHeader, String consumerSecret) {
        byte[] expected = HmacSha256.mac(consumerSecret, rawBody);
        String base64 = HmacSha256.encodedMac(signatureHeader);
        if (base64 == null || base64.length() != ENCODED_MAC_LENGTH) {
            return false;
        }
        try {
            return HmacSha256.matches(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
