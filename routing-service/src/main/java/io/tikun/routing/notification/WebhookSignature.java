package io.tikun.routing.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an outbound webhook: {@code X-Tikun-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">}
 * with {@code X-Tikun-Timestamp: <epoch seconds>}, so a receiver can reject forged and replayed requests.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Tikun-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Tikun-Signature";
    /** The notification id: the same on every retry, so a receiver can drop a repeat after a lost answer. */
    public static final String ID_HEADER = "X-Tikun-Notification-Id";
    static final String VERSION = "v1=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
