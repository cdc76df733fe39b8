package io.tikun.routing.workspace;

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

/**
 * Every text of the case page's promises, assign form and customer panel exists in English and Hebrew, with the same
 * parameters.
 */
class CaseSideMessagesTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private static Properties hebrew() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = CaseSideMessagesTest.class.getResourceAsStream("/messages/cp_he.properties")) {
            assertThat(in).as("messages/cp_he.properties").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void everyKeyHasAnEnglishAndAHebrewText() throws IOException {
        Properties he = hebrew();
        for (Method method : CaseSideMessages.class.getDeclaredMethods()) {
            Message english = method.getAnnotation(Message.class);
            assertThat(english).as("English text of " + method.getName()).isNotNull();
            assertThat(english.value()).as("English text of " + method.getName()).isNotBlank();
            assertThat(he.getProperty(method.getName())).as("Hebrew text of " + method.getName()).isNotBlank();
        }
    }

    @Test
    void hebrewHasNoKeyEnglishLacks() throws IOException {
        Set<String> keys = Arrays.stream(CaseSideMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(hebrew().stringPropertyNames()).isSubsetOf(keys);
    }

    @Test
    void bothLanguagesUseTheMethodsParameters() throws IOException {
        Properties he = hebrew();
        for (Method method : CaseSideMessages.class.getDeclaredMethods()) {
            Set<String> english = parameters(method.getAnnotation(Message.class).value());
            assertThat(parameters(he.getProperty(method.getName(), ""))).as(method.getName()).isEqualTo(english);
            assertThat(english).as(method.getName()).hasSize(method.getParameterCount());
        }
    }

    private static Set<String> parameters(String text) {
        Matcher m = PARAMETER.matcher(text);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
