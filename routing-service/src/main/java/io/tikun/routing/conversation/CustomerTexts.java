package io.tikun.routing.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The texts routing sends to customers, one bundle per language ({@code customer-texts/texts_<lang>.properties},
 * UTF-8), each key overridable from the operator's directory. Read once at startup; an instance whose texts lack a
 * key in a language, or use a placeholder routing does not fill, does not start.
 */
@ApplicationScoped
@Startup
public class CustomerTexts {

    public static final String DEFAULT_LANGUAGE = "he";
    public static final Set<String> LANGUAGES = Set.of("he", "en", "ar", "ru");
    static final Map<String, Set<String>> PLACEHOLDERS = Map.of(
            "expectation-summary", Set.of("customer", "reference", "what", "owner", "due"),
            "callback-summary", Set.of("customer", "reference", "note"),
            "thank-you", Set.of("customer", "reference", "subject", "resolution"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    private final Map<String, Properties> bundles = new HashMap<>();

    @Inject
    public CustomerTexts(ConversationConfig config) {
        this(config.textsDirectory().orElse(null));
    }

    CustomerTexts(Path overrides) {
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties texts = new Properties();
            load(texts, getClass().getClassLoader().getResourceAsStream("customer-texts/texts_" + lang + ".properties"));
            Path override = overrides == null ? null : overrides.resolve("texts_" + lang + ".properties");
            if (override != null && Files.isReadable(override)) {
                try {
                    load(texts, Files.newInputStream(override));
                    Log.infof("Customer texts in %s overridden from %s", lang, override);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + override, e);
                }
            }
            PLACEHOLDERS.forEach((key, allowed) -> {
                String text = texts.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(lang + ": no text for " + key);
                    return;
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        problems.add(lang + ": " + key + " uses unknown placeholder {" + m.group(1) + "}");
                    }
                }
            });
            bundles.put(lang, texts);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("customer texts are incomplete: " + problems);
        }
    }

    /** The language a case's texts are written in: the complaint's when routing has texts in it, else Hebrew. */
    public static String languageOf(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : DEFAULT_LANGUAGE;
    }

    /**
     * The text {@code key} in {@code lang} with its placeholders filled in one pass, so braces in a value (an agent's
     * note, the customer's subject) stay as written.
     */
    public String render(String lang, String key, Map<String, String> values) {
        String text = bundles.get(languageOf(lang)).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no customer text " + key);
        }
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), m.group())));
    }

    private static void load(Properties into, InputStream in) {
        if (in == null) {
            return;
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read customer texts", e);
        }
    }
}
