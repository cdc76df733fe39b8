package io.tikun.routing.taxonomy;

import io.quarkus.qute.TemplateData;

/** One value agents may choose: its stable code and its label in Hebrew and English. */
@TemplateData
public record Choice(String code, String he, String en) {

    /** The label in {@code lang} ({@code he} or {@code en}); the code when the list has none. */
    public String label(String lang) {
        String label = "en".equals(lang) ? en : he;
        return label == null || label.isBlank() ? code : label;
    }
}
