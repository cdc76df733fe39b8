package io.tikun.intake.customer;

import java.util.Locale;

/**
 * How a channel knows a customer: one identifier (an e-mail address, a social network user id)
 * plus what the channel tells about the person. Any identifier seen before leads to the same customer.
 *
 * @param key the identifier with its kind, e.g. {@code email:dana@example.com} or {@code x:1234567}
 */
public record CustomerIdentity(String key, String name, String email, String phone, String handle) {

    public static CustomerIdentity byEmail(String name, String email, String phone) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return new CustomerIdentity("email:" + normalized, name, normalized, blankToNull(phone), null);
    }

    /** A social network account; {@code network} is the message id prefix ("x", "fb", "wa", …). */
    public static CustomerIdentity onNetwork(String network, String userId, String name, String handle, String phone) {
        return new CustomerIdentity(network + ":" + userId, name, null, blankToNull(phone), handle);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
