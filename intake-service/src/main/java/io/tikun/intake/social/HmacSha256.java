package io.tikun.intake.social;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and a constant-time comparison, shared by the providers' signature schemes. */
public final class HmacSha256 {

    static final String ALGORITHM = "HmacSHA256";
    /** Every provider writes its signature as "sha256=" followed by the encoded MAC. */
    static final String SIGNATURE_PREFIX = "sha256=";
    /** Length of an HMAC-SHA256 in bytes. */
    static final int MAC_LENGTH = 32;

    private HmacSha256() {
    }

    public static byte[] mac(String secret, byte[]... parts) {
        if (secret == null || secret.isBlank()) {
            // An empty key would let anyone forge signatures; a missing secret is a configuration error, so fail loudly.
            throw new IllegalArgumentException("webhook secret is not configured");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java platform, so this cannot happen on a working JDK.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Compares in time independent of where the values differ, so timing does not reveal the expected MAC. */
    static boolean matches(byte[] expected, byte[] presented) {
        return presented != null && presented.length == MAC_LENGTH && MessageDigest.isEqual(expected, presented);
    }

    /** The encoded part of a "sha256=..." header, or null when the header is missing or has another prefix. */
    static String encodedMac(String header) {
        if (header == null || !header.startsWith(SIGNATURE_PREFIX)) {
            return null;
        }
        return header.substring(SIGNATURE_PREFIX.length());
    }
}
