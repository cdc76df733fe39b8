package io.tikun.intake.social;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

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
    /** Longest crc_token answered; X's are a few dozen characters. */
    static final int MAX_CRC_TOKEN_LENGTH = 256;
    /**
     * X's tokens are base64 or base64url text. Answering anything else would make the handshake a signing oracle:
     * the response token is exactly the signature of a delivery whose body is the token, and no JSON body can be
     * written in this alphabet (no braces, quotes, colons or spaces).
     */
    private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{1," + MAX_CRC_TOKEN_LENGTH + "}");

    /**
     * The {@code response_token} for a CRC GET: {@code sha256=<base64 HMAC-SHA256(consumerSecret, crc_token)>}.
     */
    public String crcResponseToken(String crcToken, String consumerSecret) {
        if (!isCrcToken(crcToken)) {
            throw new IllegalArgumentException("not a crc_token as X sends it");
        }
        byte[] mac = HmacSha256.mac(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8));
        return HmacSha256.SIGNATURE_PREFIX + Base64.getEncoder().encodeToString(mac);
    }

    /** True for a token as X sends it: base64(url) characters, at most {@link #MAX_CRC_TOKEN_LENGTH} of them. */
    public boolean isCrcToken(String crcToken) {
        return crcToken != null && CRC_TOKEN.matcher(crcToken).matches();
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
