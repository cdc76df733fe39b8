package io.tikun.intake.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.TemplateData;

/** The languages the complaint form speaks, with their writing direction. */
@TemplateData
public enum FormLanguage {

    HE("he", "rtl", "עברית"),
    EN("en", "ltr", "English");

    private final String tag;
    private final String dir;
    private final String nativeName;

    FormLanguage(String tag, String dir, String nativeName) {
        this.tag = tag;
        this.dir = dir;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public String dir() {
        return dir;
    }

    /** The language's name in itself, as the switch link shows it. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language the switch link offers. */
    public FormLanguage other() {
        return this == HE ? EN : HE;
    }

    /** The language a tag names ({@code he}, {@code iw} (Java's old code for Hebrew), {@code en-GB}...), if supported. */
    public static Optional<FormLanguage> of(String tagOrLocale) {
        if (tagOrLocale == null || tagOrLocale.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tagOrLocale.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "he", "iw" -> Optional.of(HE);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /**
     * An explicit {@code ?lang=} wins; else the first supported language of Accept-Language (in order of
     * preference); else the configured default.
     */
    public static FormLanguage choose(String requested, List<Locale> acceptable, FormLanguage fallback) {
        return of(requested).or(() -> acceptable.stream()
                .map(Locale::toLanguageTag)
                .map(FormLanguage::of)
                .flatMap(Optional::stream)
                .findFirst())
                .orElse(fallback);
    }
}
