package io.tikun.followup.verification;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The binary layout of a link's signed part, version 1: version (1 byte), commitment id (16), action code (1),
 * expiry in epoch seconds (8, big-endian), nonce (16). Binary and fixed-size keeps links short and lets anything
 * of another length be refused before any cryptography.
 */
final class LinkPayload {

    static final byte VERSION = 1;
    static final int NONCE_BYTES = 16;
    static final int BYTES = Byte.BYTES + 2 * Long.BYTES + Byte.BYTES + Long.BYTES + NONCE_BYTES;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private LinkPayload() {
    }

    static String encode(UUID commitmentId, LinkAction action, long expiresAtEpochSecond, byte[] nonce) {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES)
                .put(VERSION)
                .putLong(commitmentId.getMostSignificantBits())
                .putLong(commitmentId.getLeastSignificantBits())
                .put(action.code())
                .putLong(expiresAtEpochSecond)
                .put(nonce);
        return BASE64URL.encodeToString(buffer.array());
    }

    /** Reads a payload whose signature was already checked; empty if its layout is not one we know. */
    static Optional<LinkClaims> decode(String encoded) {
        byte[] bytes;
        try {
            bytes = BASE64URL_DECODER.decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        if (version != VERSION) {
            return Optional.empty();
        }
        UUID commitmentId = new UUID(buffer.getLong(), buffer.getLong());
        Optional<LinkAction> action = LinkAction.ofCode(buffer.get());
        long expiresAt = buffer.getLong();
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkClaims(version, commitmentId, action.get(), Instant.ofEpochSecond(expiresAt),
                    BASE64URL.encodeToString(nonce)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Length of the unpadded base64url text of {@code bytes} bytes. */
    static int encodedLength(int bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
