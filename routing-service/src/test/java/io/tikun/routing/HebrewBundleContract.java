package io.tikun.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/**
 * What every Qute message bundle of the pages promises: each English text (the interface's {@link Message}) has a
 * Hebrew text in its {@code messages/<name>_he.properties}, no Hebrew key is left without an English one, and both
 * languages use exactly the method's parameters. A bundle's test extends this class and names the two.
 */
public abstract class HebrewBundleContract {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private final Class<?> bundle;
    private final String hebrewResource;

    protected HebrewBundleContract(Class<?> bundle, String hebrewResource) {
        this.bundle = bundle;
        this.hebrewResource = hebrewResource;
    }

    @Test
    void everyKeyHasAnEnglishAndAHebrewText() throws IOException {
        Properties he = hebrew();
        for (Method method : bundle.getDeclaredMethods()) {
            Message english = method.getAnnotation(Message.class);
            assertThat(english).as("English text of " + method.getName()).isNotNull();
            assertThat(english.value()).as("English text of " + method.getName()).isNotBlank();
            assertThat(he.getProperty(method.getName())).as("Hebrew text of " + method.getName()).isNotBlank();
        }
    }

    @Test
    void hebrewHasNoKeyEnglishLacks() throws IOException {
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        assertThat(hebrew().stringPropertyNames()).isSubsetOf(keys);
    }

    @Test
    void bothLanguagesUseTheMethodsParameters() throws IOException {
        Properties he = hebrew();
        for (Method method : bundle.getDeclaredMethods()) {
            Set<String> english = parameters(method.getAnnotation(Message.class).value());
            assertThat(parameters(he.getProperty(method.getName(), ""))).as(method.getName()).isEqualTo(english);
            assertThat(english).as(method.getName()).hasSize(method.getParameterCount());
        }
    }

    private Properties hebrew() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = bundle.getResourceAsStream(hebrewResource)) {
            assertThat(in).as(hebrewResource).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static Set<String> parameters(String text) {
        return PARAMETER.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
