package io.tikun.routing.taxonomy;

import java.util.List;

/** A resolution named no value, or one not on the configured list: answered 400 naming the field and its values. */
public class InvalidChoiceProblem extends RuntimeException {

    private final String field;
    private final List<String> allowed;

    public InvalidChoiceProblem(String field, String value, List<String> allowed) {
        super((value == null || value.isBlank() ? "'" + field + "' is required"
                : "'" + field + "' has an unknown value '" + value + "'") + "; allowed: " + String.join(", ", allowed)
                + ".");
        this.field = field;
        this.allowed = List.copyOf(allowed);
    }

    public String field() {
        return field;
    }

    public List<String> allowed() {
        return allowed;
    }
}
