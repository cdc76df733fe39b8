package io.tikun.followup.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.verification.CustomerLanguage;

/**
 * The texts follow-up writes to customers, per language: the bundled {@code customer-messages/messages_<code>.properties}
 * (he, en, ar, ru), with the keys of an operator's file of the same name in {@code tikun.followup.texts.directory}
 * taking precedence. A key missing in a language falls back to English, so an incomplete override never sends a key.
 */
@ApplicationScoped
public class CustomerTexts {

    private static final String BUNDLE = "customer-messages/messages_%s.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<CustomerLanguage, Properties> texts = new EnumMap<>(CustomerLanguage.class);

    @Inject
    public CustomerTexts(FollowupConfig config) {
        this(config.texts().directory().filter(d -> !d.isBlank()).map(Path::of));
    }

    /** The bundles, with the keys of the files in {@code overrides} (if any) replacing theirs. */
    public CustomerTexts(Optional<Path> overrides) {
        for (CustomerLanguage language : CustomerLanguage.values()) {
            Properties bundle = bundled(language);
            overrides.map(dir -> dir.resolve("messages_" + language.code() + ".properties"))
                    .filter(Files::isRegularFile)
                    .ifPresent(file -> {
                        Log.infof("Customer texts for %s overridden by %s", language.code(), file);
                        bundle.putAll(load(file));
                    });
            texts.put(language, bundle);
        }
    }

    /**
     * The text of {@code key} in {@code language} with its {@code {placeholders}} filled in; a placeholder without a
     * value is left as it is, so a mistake in an override shows instead of vanishing.
     */
    public String text(CustomerLanguage language, String key, Map<String, ?> values) {
        String template = texts.get(language).getProperty(key, texts.get(CustomerLanguage.ENGLISH).getProperty(key));
        if (template == null) {
            throw new IllegalStateException("no customer text '" + key + "' in " + language.code() + " or en");
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Object value = values.get(placeholder.group(1));
            placeholder.appendReplacement(out,
                    Matcher.quoteReplacement(value == null ? placeholder.group() : value.toString()));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    public String text(CustomerLanguage language, String key) {
        return text(language, key, Map.of());
    }

    /** The greeting: with the customer's name, or without one when follow-up does not know it. */
    public String greeting(CustomerLanguage language, String name) {
        return name == null || name.isBlank() ? text(language, "greeting.anonymous")
                : text(language, "greeting", Map.of("name", name.strip()));
    }

    private static Properties bundled(CustomerLanguage language) {
        String resource = BUNDLE.formatted(language.code());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle " + resource);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read customer texts " + file, e);
        }
    }

    private static Properties read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }
}
