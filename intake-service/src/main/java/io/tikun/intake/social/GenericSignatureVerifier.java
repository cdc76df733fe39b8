package io.tikun.intake.social;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks Tikun's own signed-webhook format (see {@link GenericWebhookParser}): an HMAC over timestamp and body, and a
 * timestamp close to now so a captured request cannot be replayed later.
 */
@ApplicationScoped
public class GenericSignatureVerifier {

    public static final String TIMESTAMP_HEADER = "X-Tikun-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Tikun-Signature";
    /** Wide enough for ordinary clock skew and retries, narrow enough to make replays useless. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final byte[] SEPARATOR = ".".getBytes(StandardCharsets.US_ASCII);
    /** Unix seconds fit in 12 digits until the year 33658; longer values are garbage, not timestamps. */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final Clock clock;
    private final Duration tolerance;

    @Inject
    public GenericSignatureVerifier(Clock clock) {
        this(clock, DEFAULT_TOLERANCE);
    }

    public GenericSignatureVerifier(Clock clock, Duration tolerance) {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * True when the timestamp header is unix seconds within the tolerance of now (either way) and the signature
     * header is {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>}.
     */
    public boolean isAuthentic(byte[] rawBody, String timestampHeader, String signatureHeader, String secret) {
        byte[] expected = HmacSha256.mac(secret, timestampBytes(timestampHeader), SEPARATOR, rawBody);
        if (!isFresh(timestampHeader)) {
            return false;
        }
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

    private static byte[] timestampBytes(String timestampHeader) {
        return timestampHeader == null ? new byte[0] : timestampHeader.getBytes(StandardCharsets.UTF_8);
    }

    private boolean isFresh(String timestampHeader) {
        // Digits only: "+1700000000" or " 1700000000" would parse to the same instant but change the signed bytes,
        // and a sender that formats differently from the spec should find out at once.
        if (timestampHeader == null || timestampHeader.isEmpty() || timestampHeader.length() > MAX_TIMESTAMP_DIGITS
                || !timestampHeader.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestampHeader));
        Duration age = Duration.between(sentAt, clock.instant()).abs();
        return age.compareTo(tolerance) <= 0;
    }
}
