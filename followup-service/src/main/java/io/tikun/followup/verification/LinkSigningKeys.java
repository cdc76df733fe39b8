package io.tikun.followup.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 keys for links: the first signs, every one verifies, so keys can be rotated. */
final class LinkSigningKeys {

    static final String ALGORITHM = "HmacSHA256";
    static final int SIGNATURE_BYTES = 32;

    /** RFC 2104 advises a key at least as long as the hash output; shorter secrets are guessable offline. */
    static final int MIN_SECRET_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final List<SecretKeySpec> keys;

    LinkSigningKeys(List<String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one link secret is required (TIKUN_FOLLOWUP_LINKS_SECRETS)");
        }
        this.keys = secrets.stream().map(LinkSigningKeys::key).toList();
    }

    private static SecretKeySpec key(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        // The message never includes the secret, only what is wrong with it.
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("every link secret must have at least " + MIN_SECRET_BYTES
                    + " bytes (TIKUN_FOLLOWUP_LINKS_SECRETS); one has " + bytes.length);
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The base64url signature of the encoded payload with the newest key. */
    String sign(String encodedPayload) {
        return BASE64URL.encodeToString(mac(keys.get(0), encodedPayload));
    }

    /**
     * Whether any key signed this payload. Compares the encoded text, not decoded bytes, so that a signature
     * re-spelled with different unused trailing bits is not accepted; compares in constant time and tries every
     * key, so timing reveals neither how much of a forgery matched nor which key did.
     */
    boolean verifies(String encodedPayload, String encodedSignature) {
        byte[] presented = encodedSignature.getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = BASE64URL.encode(mac(key, encodedPayload));
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    private static byte[] mac(SecretKeySpec key, String encodedPayload) {
        try {
            // A Mac is not thread-safe; a fresh one per use is cheap next to the HTTP request around it.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
