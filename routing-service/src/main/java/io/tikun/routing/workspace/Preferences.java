package io.tikun.routing.workspace;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import io.quarkus.qute.TemplateData;

/**
 * The language ({@code he} or {@code en}) and time zone a page is rendered in: the user's choice remembered in the
 * {@code lang} cookie, else the browser's Accept-Language; the {@code tz} cookie the page's script sets, else the
 * configured zone.
 */
@TemplateData
public record Preferences(String lang, ZoneId zone) {

    public static final String LANG_COOKIE = "lang";
    public static final String TZ_COOKIE = "tz";
    static final String HEBREW = "he";
    static final String ENGLISH = "en";

    public static Preferences of(String langCookie, String tzCookie, String acceptLanguage, ZoneId fallbackZone) {
        return new Preferences(language(langCookie, acceptLanguage), zone(tzCookie, fallbackZone));
    }

    /** The cookie's language if it is one of ours, else the first of ours in Accept-Language, else Hebrew. */
    static String language(String cookie, String acceptLanguage) {
        String chosen = supported(cookie);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String found = supported(range.getRange());
                    if (found != null) {
                        return found;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A header we cannot read chooses nothing.
            }
        }
        return HEBREW;
    }

    /** {@code he} or {@code en} for a tag such as {@code he-IL} or {@code EN}; null for any other. */
    static String supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        // "iw" is the old code Java and some browsers still use for Hebrew.
        return switch (primary) {
            case HEBREW, "iw" -> HEBREW;
            case ENGLISH -> ENGLISH;
            default -> null;
        };
    }

    static ZoneId zone(String cookie, ZoneId fallback) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 64) {
            return fallback;
        }
        try {
            return ZoneId.of(cookie.strip());
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    public String dir() {
        return HEBREW.equals(lang) ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** The other language, offered by the switch. */
    public String otherLang() {
        return HEBREW.equals(lang) ? ENGLISH : HEBREW;
    }
}
