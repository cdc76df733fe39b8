package io.tikun.followup.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tikun.followup.verification.CustomerLanguage;

/** The bundled texts per language, and an operator's directory that overrides some of their keys. */
class CustomerTextsTest {

    private static final String[] KEYS = { "greeting", "greeting.anonymous", "signature", "verify.subject",
            "verify-reminder.subject", "verify-reminder.opening", "verify.body", "verify.link.confirm",
            "verify.link.deny", "thank-you.subject", "thank-you.body", "survey.subject", "survey.body", "survey.link" };

    @Test
    void everyLanguageHasItsOwnTextForEveryKey() {
        CustomerTexts texts = new CustomerTexts(Optional.empty());
        for (CustomerLanguage language : CustomerLanguage.values()) {
            for (String key : KEYS) {
                String text = texts.text(language, key, Map.of());
                assertThat(text).as("%s %s", language, key).isNotBlank();
                if (language != CustomerLanguage.ENGLISH) {
                    // Written in the language itself, not the English fallback.
                    assertThat(text).as("%s %s", language, key)
                            .isNotEqualTo(texts.text(CustomerLanguage.ENGLISH, key, Map.of()));
                }
            }
        }
    }

    @Test
    void anOperatorFileReplacesTheKeysItHasAndKeepsTheOthers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("messages_he.properties"), "verify.subject=האם הטכנאי הגיע?\n",
                StandardCharsets.UTF_8);

        CustomerTexts texts = new CustomerTexts(Optional.of(dir));

        assertThat(texts.text(CustomerLanguage.HEBREW, "verify.subject")).isEqualTo("האם הטכנאי הגיע?");
        assertThat(texts.text(CustomerLanguage.HEBREW, "thank-you.subject")).isEqualTo("תודה על האישור");
        assertThat(texts.text(CustomerLanguage.ENGLISH, "verify.subject")).isEqualTo("Was it done?");
    }

    @Test
    void fillsPlaceholdersAndLeavesAnUnknownOneVisible() {
        CustomerTexts texts = new CustomerTexts(Optional.empty());

        assertThat(texts.greeting(CustomerLanguage.RUSSIAN, " Дана ")).isEqualTo("Здравствуйте, Дана!");
        assertThat(texts.greeting(CustomerLanguage.ARABIC, null)).isEqualTo("مرحبًا،");
        assertThat(texts.text(CustomerLanguage.ENGLISH, "greeting", Map.of())).isEqualTo("Hello {name},");
        // A value with $ or \\ is taken literally.
        assertThat(texts.text(CustomerLanguage.ENGLISH, "greeting", Map.of("name", "$1 \\o/"))).isEqualTo("Hello $1 \\o/,");
    }
}
