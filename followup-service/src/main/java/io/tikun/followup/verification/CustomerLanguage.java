package io.tikun.followup.verification;

import java.util.Set;

/**
 * Which languages to speak to a customer in: English always, and Hebrew first for a Hebrew-speaking customer. The
 * language intake detected in the customer's complaint decides ({@link #ofComplaintLanguage}); only when follow-up
 * knows no complaint language for the customer is it guessed from Hebrew letters in the customer's name or the
 * promise ({@link #guessedFrom}), since text someone wrote in Hebrew is then the best hint that the customer reads it.
 */
public enum CustomerLanguage {
    ENGLISH,
    HEBREW_AND_ENGLISH;

    /** ISO 639-1 Hebrew, and its withdrawn code that some detectors still report. */
    private static final Set<String> HEBREW_CODES = Set.of("he", "iw");

    /**
     * The mail language for a complaint written in {@code isoCode}: Hebrew is the only language besides English that
     * the e-mails are written in, so every other language gets English.
     */
    public static CustomerLanguage ofComplaintLanguage(String isoCode) {
        return isoCode != null && HEBREW_CODES.contains(isoCode) ? HEBREW_AND_ENGLISH : ENGLISH;
    }

    /** The fallback: Hebrew when any of the texts contains a Hebrew letter. */
    public static CustomerLanguage guessedFrom(String... texts) {
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
