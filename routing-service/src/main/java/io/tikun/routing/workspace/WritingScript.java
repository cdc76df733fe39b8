package io.tikun.routing.workspace;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The alphabet a text is mostly written in, to tell an agent that a reply is not in the customer's language before
 * it is sent: Hebrew, Arabic and Russian have alphabets of their own; every other language is taken to be written in
 * Latin letters. Digits, punctuation and placeholders do not count.
 */
public enum WritingScript {
    HEBREW,
    ARABIC,
    CYRILLIC,
    LATIN;

    /** The alphabet a customer's language ({@code he}, {@code en}...) is written in. */
    public static WritingScript of(String language) {
        if (language == null) {
            return LATIN;
        }
        return switch (language) {
            case "he", "yi" -> HEBREW;
            case "ar", "fa" -> ARABIC;
            case "ru", "uk", "bg" -> CYRILLIC;
            default -> LATIN;
        };
    }

    /**
     * The alphabet most letters of {@code text} belong to, ignoring {@code {placeholders}}; empty when the text has no
     * letter of these four alphabets.
     */
    public static Optional<WritingScript> mostOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<WritingScript, Integer> letters = new EnumMap<>(WritingScript.class);
        boolean inPlaceholder = false;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '{') {
                inPlaceholder = true;
            } else if (cp == '}') {
                inPlaceholder = false;
            } else if (!inPlaceholder && Character.isLetter(cp)) {
                WritingScript script = switch (Character.UnicodeScript.of(cp)) {
                    case HEBREW -> HEBREW;
                    case ARABIC -> ARABIC;
                    case CYRILLIC -> CYRILLIC;
                    case LATIN -> LATIN;
                    default -> null;
                };
                if (script != null) {
                    letters.merge(script, 1, Integer::sum);
                }
            }
        }
        return letters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
