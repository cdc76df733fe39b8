package io.tikun.intake.social;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads fields out of a provider's JSON tree and, when one is missing or of the wrong type, says which one by its
 * JSON Pointer, so a rejected webhook can be fixed from the error alone.
 */
final class JsonPayload {

    /**
     * Meta reports some epoch times in seconds and others in milliseconds for the same field name depending on the
     * product. Any seconds value before the year 5138 is below this, any milliseconds value after 1973 above it.
     */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final long LATEST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private JsonPayload() {
    }

    /** A single {@code /entry/0} style element: the parent pointer, a slash and the escaped field name or index. */
    static String pointer(String parent, String field) {
        return parent + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    static String pointer(String parent, int index) {
        return parent + "/" + index;
    }

    static JsonNode readObject(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            throw new SocialWebhookException("body is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SocialWebhookException("body is not valid JSON" + where, e);
        } catch (IOException e) {
            throw new SocialWebhookException("body could not be read as JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new SocialWebhookException("body must be a JSON object");
        }
        return root;
    }

    static JsonNode requireObject(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new SocialWebhookException(pointer(at, field) + " must be an object");
        }
        return node;
    }

    /** The object, or null when absent or JSON null; any other type is a shape error. */
    static JsonNode optionalObject(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new SocialWebhookException(pointer(at, field) + " must be an object");
        }
        return node;
    }

    static List<JsonNode> requireArray(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new SocialWebhookException(pointer(at, field) + " must be an array");
        }
        return elements(node, pointer(at, field));
    }

    /** The array's elements, or none when the field is absent; each element must be an object. */
    static List<JsonNode> optionalArray(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SocialWebhookException(pointer(at, field) + " must be an array");
        }
        return elements(node, pointer(at, field));
    }

    private static List<JsonNode> elements(JsonNode array, String at) {
        List<JsonNode> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw new SocialWebhookException(pointer(at, i) + " must be an object");
            }
            elements.add(array.get(i));
        }
        return elements;
    }

    /** A non-empty string; integral numbers are accepted too because some providers send ids either way. */
    static String requireText(JsonNode parent, String field, String at) {
        String text = optionalText(parent, field, at);
        if (text == null || text.isEmpty()) {
            throw new SocialWebhookException(pointer(at, field) + " must be a non-empty string");
        }
        return text;
    }

    /** The string (possibly empty), or null when absent or JSON null. */
    static String optionalText(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw new SocialWebhookException(pointer(at, field) + " must be a string");
    }

    static boolean flag(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.asBoolean(false);
    }

    static boolean requireBoolean(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isBoolean()) {
            throw new SocialWebhookException(pointer(at, field) + " must be true or false");
        }
        return node.booleanValue();
    }

    /** A non-negative whole number (a count), or null when absent or JSON null. */
    static Long optionalCount(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new SocialWebhookException(pointer(at, field) + " must be a non-negative whole number");
        }
        return node.longValue();
    }

    /** A whole number, or a string of digits, as providers send epoch times either way. */
    static long requireEpochNumber(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node != null && node.isTextual() && !node.textValue().isEmpty()
                && node.textValue().chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong(node.textValue());
            } catch (NumberFormatException tooLong) {
                // falls through to the shape error below
            }
        }
        throw new SocialWebhookException(pointer(at, field) + " must be a unix time (whole number)");
    }

    static Instant requireEpochSeconds(JsonNode parent, String field, String at) {
        return withinCalendar(requireEpochNumber(parent, field, at), false, field, at);
    }

    static Instant requireEpochMillis(JsonNode parent, String field, String at) {
        return withinCalendar(requireEpochNumber(parent, field, at), true, field, at);
    }

    /** For Meta's {@code entry.time}, which is seconds for some products and milliseconds for others. */
    static Instant requireEpochSecondsOrMillis(JsonNode parent, String field, String at) {
        long value = requireEpochNumber(parent, field, at);
        return withinCalendar(value, value >= MILLIS_THRESHOLD, field, at);
    }

    /**
     * A provider's time between 1970 and the end of year 9999; anything else is a malformed payload, not a date
     * that {@link Instant} or PostgreSQL's timestamptz could hold.
     */
    private static Instant withinCalendar(long value, boolean millis, String field, String at) {
        long seconds = millis ? Math.floorDiv(value, 1000L) : value;
        if (value < 0 || seconds > LATEST_SECOND) {
            throw new SocialWebhookException(pointer(at, field) + " must be a unix time between 1970 and 9999");
        }
        return millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
