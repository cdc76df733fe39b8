package io.tikun.intake.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, read from its raw bytes (which the resource
 * also needs, to keep a suspicious submission as it came). A repeated field keeps its first value.
 */
public record UrlEncodedForm(Map<String, String> fields) {

    /** The body is not valid URL encoding (a broken {@code %} escape). */
    public static class MalformedFormException extends RuntimeException {
        MalformedFormException(String message) {
            super(message, null, false, false);
        }
    }

    public static UrlEncodedForm parse(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return new UrlEncodedForm(Map.copyOf(fields));
    }

    /** The field's value, or an empty string when it was not sent. */
    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedFormException("not URL-encoded: " + e.getMessage());
        }
    }
}
