package io.tikun.intake.acknowledgement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tikun.intake.severity.Severity;

/**
 * The acknowledgement's wording in each language a customer may write in (Hebrew, English, Arabic, Russian), from the
 * operator-editable bundles {@code acknowledgement/acknowledgement_<language>.properties}; any other language gets
 * English. Every key must be present in every bundle, or the service refuses to start.
 */
final class AcknowledgementTexts {

    static final List<String> LANGUAGES = List.of("he", "en", "ar", "ru");
    private static final String FALLBACK = "en";
    private static final String WHEN_PATTERN = "EEEE d MMMM yyyy, HH:mm";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final List<String> KEYS = List.of("locale", "mail.subject", "mail.body", "unverified.subject",
            "unverified.body", "direct.body", "next.CRITICAL", "next.HIGH", "next.MEDIUM", "next.LOW");

    private final Map<String, Properties> bundles = new LinkedHashMap<>();
    private final Map<String, DateTimeFormatter> when = new LinkedHashMap<>();

    AcknowledgementTexts(ZoneId timeZone) {
        for (String language : LANGUAGES) {
            Properties bundle = load(language);
            bundles.put(language, bundle);
            when.put(language, DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.forLanguageTag(bundle.getProperty("locale")))
                    .withZone(timeZone));
        }
    }

    private static Properties load(String language) {
        String name = "acknowledgement/acknowledgement_" + language + ".properties";
        try (InputStream in = AcknowledgementTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing acknowledgement bundle " + name);
            }
            Properties bundle = new Properties();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> missing = KEYS.stream().filter(key -> bundle.getProperty(key) == null).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(name + " lacks " + missing);
            }
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The language whose wording a complaint written in {@code language} gets. */
    static String languageFor(String language) {
        return LANGUAGES.contains(language) ? language : FALLBACK;
    }

    String nextStep(String language, Severity severity) {
        return bundles.get(languageFor(language)).getProperty("next." + severity.name());
    }

    String when(String language, Instant at) {
        return when.get(languageFor(language)).format(at);
    }

    /**
     * The text under {@code key} with its placeholders filled in one pass, so a value that itself looks like a
     * placeholder (a customer's subject "{reference}") stays as the customer wrote it.
     */
    String fill(String language, String key, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(bundles.get(languageFor(language)).getProperty(key));
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        return placeholder.appendTail(text).toString();
    }
}
