package io.tikun.routing.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/** Every text of the console exists in English and Hebrew, with the same parameters. */
class ConsoleMessagesTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private static Properties hebrew() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/messages/cs_he.properties")) {
            assertThat(in).as("messages/cs_he.properties").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void everyKeyHasAnEnglishAndAHebrewTextWithTheSameParameters() throws IOException {
        Properties he = hebrew();
        for (Method method : ConsoleMessages.class.getDeclaredMethods()) {
            Message english = method.getAnnotation(Message.class);
            assertThat(english).as("English text of " + method.getName()).isNotNull();
            assertThat(he.getProperty(method.getName())).as("Hebrew text of " + method.getName()).isNotBlank();
            Set<String> parameters = parameters(english.value());
            assertThat(parameters(he.getProperty(method.getName()))).as(method.getName()).isEqualTo(parameters);
            assertThat(parameters).as(method.getName()).hasSize(method.getParameterCount());
        }
    }

    @Test
    void hebrewHasNoKeyEnglishLacks() throws IOException {
        Set<String> keys = Arrays.stream(ConsoleMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(hebrew().stringPropertyNames()).isSubsetOf(keys);
    }

    private static Set<String> parameters(String text) {
        Matcher matcher = PARAMETER.matcher(text);
        Set<String> found = new java.util.HashSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
