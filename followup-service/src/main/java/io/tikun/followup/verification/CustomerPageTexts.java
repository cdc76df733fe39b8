package io.tikun.followup.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The texts of the customer pages per language: {@code customer-pages/pages_<code>.properties} (he, en, ar, ru), read
 * as UTF-8. Every key is in every bundle, so a page never mixes languages for lack of a text.
 */
public class CustomerPageTexts {

    private static final String BUNDLE = "customer-pages/pages_%s.properties";

    private final Map<CustomerLanguage, Properties> bundles = new EnumMap<>(CustomerLanguage.class);

    public CustomerPageTexts() {
        for (CustomerLanguage language : CustomerLanguage.values()) {
            bundles.put(language, bundle(language));
        }
    }

    /** The text of {@code key} in {@code language}; a missing key is a mistake in this code or the bundles. */
    public String text(CustomerLanguage language, String key) {
        String text = bundles.get(language).getProperty(key);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no customer page text '" + key + "' in " + language.code());
        }
        return text;
    }

    /** The bundle of {@code language} as shipped. */
    public static Properties bundle(CustomerLanguage language) {
        String resource = BUNDLE.formatted(language.code());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
