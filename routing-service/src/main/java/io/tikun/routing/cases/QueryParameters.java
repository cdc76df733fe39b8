package io.tikun.routing.cases;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;

/**
 * Reads query parameters whose values are enums or instants. JAX-RS answers a value it cannot convert with
 * 404; these answer 400 naming the parameter and what it accepts.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The constant of {@code type} named {@code value} (case-insensitive), or null when no value is given. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new BadRequestException("Query parameter '" + name + "' must be one of " + allowed + "; got '" + value + "'.");
    }

    /** An ISO-8601 instant such as 2026-11-23T08:00:00Z, or null when no value is given. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Query parameter '" + name
                    + "' must be an ISO-8601 instant such as 2026-11-23T08:00:00Z; got '" + value + "'.");
        }
    }
}
