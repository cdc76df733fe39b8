package io.tikun.followup.problem;

import java.util.List;

/** A field whose value is not one of a configured list: a 400 problem naming the field and every allowed value. */
public class ChoiceProblem extends RuntimeException {

    private final String field;
    private final List<String> allowed;

    public ChoiceProblem(String field, String given, List<String> allowed) {
        super("'" + field + "' must be one of: " + String.join(", ", allowed)
                + (given == null ? " (it is missing)." : " (not '" + given + "')."));
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
