package io.tikun.intake.customer;

import java.util.Locale;

/**
 * How a channel knows a customer: one identifier (an e-mail address, a social network user id)
 * plus what the channel tells about the person. Any identifier seen before leads to the same customer;
 * a phone number is an identifier of its own ({@code phone:<E.164>}), whichever channel gave it.
 *
 * @param key the identifier with its kind, e.g. {@code email:dana@example.com} or {@code x:1234567}
 */
public record CustomerIdentity(String key, String name, String email, String phone, String handle) {

    static final String PHONE_PREFIX = "phone:";

    public static CustomerIdentity byEmail(String name, String email, String phone) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return new CustomerIdentity("email:" + normalized, name, normalized, blankToNull(phone), null);
    }

    /** A social network account; {@code network} is the message id prefix ("x", "fb", "wa", …). */
    public static CustomerIdentity onNetwork(String network, String userId, String name, String handle, String phone) {
        return new CustomerIdentity(network + ":" + userId, name, null, blankToNull(phone), handle);
    }

    /** The identifier of a phone number in E.164. */
    static String phoneKey(String e164) {
        return PHONE_PREFIX + e164;
    }

    CustomerIdentity withPhone(String normalizedPhone) {
        return new CustomerIdentity(key, name, email, normalizedPhone, handle);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
