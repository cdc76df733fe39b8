package io.tikun.routing.canned;

/** A canned text names an unknown placeholder or has a stray brace; answered with 400 naming it. */
public class InvalidTemplateException extends RuntimeException {

    private final String field;

    public InvalidTemplateException(String message) {
        this(null, message);
    }

    public InvalidTemplateException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The request field holding the text ({@code bodies.he}, {@code text}), once known. */
    public String field() {
        return field;
    }

    /** The same problem, located in {@code field}. */
    public InvalidTemplateException in(String field) {
        return new InvalidTemplateException(field, getMessage());
    }
}
