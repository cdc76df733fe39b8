package io.tikun.intake.web;

import io.quarkus.qute.TemplateData;

/**
 * One input of the form as the template draws it: label, hint, the value to show again and the error
 * to show next to it.
 *
 * @param type the input type ({@code text}, {@code email}, {@code tel}), or {@code textarea}
 * @param maxLength the most characters the field takes; the browser hint, the server checks again
 */
@TemplateData
public record FieldView(String id, String label, String hint, String value, String error, boolean required, String type,
        String autocomplete, int maxLength) {

    public boolean multiline() {
        return "textarea".equals(type);
    }

    public boolean invalid() {
        return error != null;
    }

    /** The ids of the hint and the error, for {@code aria-describedby}; empty when there are neither. */
    public String describedBy() {
        String hintId = hint == null ? "" : id + "-hint";
        String errorId = error == null ? "" : id + "-error";
        return (hintId + " " + errorId).strip();
    }
}
