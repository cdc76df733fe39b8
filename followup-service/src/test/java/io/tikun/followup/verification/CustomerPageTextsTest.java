package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CustomerPageTextsTest {

    private static final Properties ENGLISH = CustomerPageTexts.bundle(CustomerLanguage.ENGLISH);

    @ParameterizedTest
    @EnumSource(CustomerLanguage.class)
    void everyBundleHasEveryKeyOfEveryOtherAndNoBlankText(CustomerLanguage language) {
        Properties bundle = CustomerPageTexts.bundle(language);

        for (CustomerLanguage other : CustomerLanguage.values()) {
            assertThat(bundle.stringPropertyNames())
                    .as("keys of %s against %s", language.code(), other.code())
                    .containsExactlyInAnyOrderElementsOf(CustomerPageTexts.bundle(other).stringPropertyNames());
        }
        assertThat(bundle.stringPropertyNames()).isNotEmpty().allSatisfy(key -> assertThat(bundle.getProperty(key))
                .as("%s in %s", key, language.code()).isNotBlank());
    }

    @ParameterizedTest
    @CsvSource({ "HEBREW,HEBREW", "ARABIC,ARABIC", "RUSSIAN,CYRILLIC" })
    void everyTextIsWrittenInTheLanguagesOwnScriptNotLeftInEnglish(CustomerLanguage language, UnicodeScript script) {
        Properties bundle = CustomerPageTexts.bundle(language);

        assertThat(bundle.stringPropertyNames()).allSatisfy(key -> {
            String text = bundle.getProperty(key);
            assertThat(text.codePoints().anyMatch(c -> UnicodeScript.of(c) == script))
                    .as("%s in %s: %s", key, language.code(), text).isTrue();
            assertThat(text).as("%s in %s", key, language.code()).isNotEqualTo(ENGLISH.getProperty(key));
        });
    }
}
