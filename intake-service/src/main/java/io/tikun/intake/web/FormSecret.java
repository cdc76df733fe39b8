package io.tikun.intake.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and checks the form's tokens with HMAC-SHA256 under one key, comparing in constant time. */
public final class FormSecret {

    private static final String ALGORITHM = "HmacSHA256";
    /** Bytes of a generated key and of a nonce: 256 bits, the MAC's own strength. */
    static final int RANDOM_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random;

    public FormSecret(byte[] key, SecureRandom random) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the form secret must not be empty");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.random = random;
    }

    public static FormSecret of(String secret, SecureRandom random) {
        return new FormSecret(secret.getBytes(StandardCharsets.UTF_8), random);
    }

    /** A key made up for this process, for when none is configured. */
    public static FormSecret generated(SecureRandom random) {
        byte[] key = new byte[RANDOM_BYTES];
        random.nextBytes(key);
        return new FormSecret(key, random);
    }

    /** A fresh random value, URL-safe base64. */
    public String nonce() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The URL-safe base64 HMAC of the parts, each followed by a separator so "ab","c" differs from "a","bc". */
    public String sign(String... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return ENCODER.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java platform.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code presented} is the signature of the parts, in time independent of where they differ. */
    public boolean verify(String presented, String... parts) {
        if (presented == null) {
            return false;
        }
        byte[] given;
        try {
            given = DECODER.decode(presented);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(DECODER.decode(sign(parts)), given);
    }

    /** Whether a value looks like one of our nonces (so a cookie can be reused instead of replaced). */
    static boolean isNonce(String value) {
        if (value == null) {
            return false;
        }
        try {
            return DECODER.decode(value).length == RANDOM_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
