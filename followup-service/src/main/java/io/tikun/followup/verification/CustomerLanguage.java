package io.tikun.followup.verification;

/**
 * Which languages to speak to a customer in. English always; Hebrew too when the customer's name or the promise
 * contains a Hebrew letter. A heuristic: no language is stored for customers yet, and text someone wrote in
 * Hebrew is the best hint that the customer reads it. Hebrew then comes first.
 */
public enum CustomerLanguage {
    ENGLISH,
    HEBREW_AND_ENGLISH;

    public static CustomerLanguage of(String... texts) {
        for (String text : texts) {
            if (text != null && text.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HEBREW)) {
                return HEBREW_AND_ENGLISH;
            }
        }
        return ENGLISH;
    }

    public boolean hebrew() {
        return this == HEBREW_AND_ENGLISH;
    }
}
