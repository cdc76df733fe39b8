package io.tikun.followup.verification;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language follow-up writes to a customer in: one of the four its message bundles have (he, en, ar, ru). The
 * language intake detected in the customer's complaint decides ({@link #ofComplaintLanguage}); only when follow-up
 * knows no complaint language for the customer is it guessed from the script of the customer's name or the promise
 * ({@link #guessedFrom}), since text someone wrote in Hebrew, Arabic or Cyrillic letters is then the best hint.
 */
public enum CustomerLanguage {
    HEBREW("he", true),
    ENGLISH("en", false),
    ARABIC("ar", true),
    RUSSIAN("ru", false);

    /** ISO 639-1 Hebrew, and its withdrawn code that some detectors still report. */
    private static final Set<String> HEBREW_CODES = Set.of("he", "iw");

    private final String code;
    private final boolean rightToLeft;

    CustomerLanguage(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    /** The ISO 639-1 code, as {@code customer.messages.requested} carries it. */
    public String code() {
        return code;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The direction of the language's script, for a page's {@code dir}. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /** The language for a complaint written in {@code isoCode}; a language without a bundle gets English. */
    public static CustomerLanguage ofComplaintLanguage(String isoCode) {
        if (isoCode == null) {
            return ENGLISH;
        }
        if (HEBREW_CODES.contains(isoCode)) {
            return HEBREW;
        }
        for (CustomerLanguage language : values()) {
            if (language.code.equals(isoCode)) {
                return language;
            }
        }
        return ENGLISH;
    }

    /**
     * The language of a page for a reader follow-up does not know (a refused link): the first of the browser's
     * languages ({@code Accept-Language}, most preferred first) that the pages speak, else English.
     */
    public static CustomerLanguage ofAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            if (HEBREW_CODES.contains(primary)) {
                return HEBREW;
            }
            for (CustomerLanguage language : values()) {
                if (language.code.equals(primary)) {
                    return language;
                }
            }
        }
        return ENGLISH;
    }

    /** The fallback: the first of the texts written in Hebrew, Arabic or Cyrillic letters decides; else English. */
    public static CustomerLanguage guessedFrom(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (int c : text.codePoints().toArray()) {
                switch (Character.UnicodeScript.of(c)) {
                    case HEBREW:
                        return HEBREW;
                    case ARABIC:
                        return ARABIC;
                    case CYRILLIC:
                        return RUSSIAN;
                    default:
                        break;
                }
            }
        }
        return ENGLISH;
    }
}
