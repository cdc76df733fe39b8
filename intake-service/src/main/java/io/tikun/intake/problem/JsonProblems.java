package io.tikun.intake.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Says what is wrong with a JSON body in words a sender can act on, naming the field, never the parser. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f) {
            return "Field '" + path(f) + "' has a value of the wrong type or format.";
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "Field '" + path(m) + "' has the wrong JSON type.";
        }
        return "The body is not valid JSON.";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }
}
