package io.tikun.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormLanguageTest {

    @Test
    void anExplicitLanguageWinsOverAcceptLanguage() {
        assertThat(FormLanguage.choose("en", List.of(Locale.forLanguageTag("he-IL")), FormLanguage.HE))
                .isEqualTo(FormLanguage.EN);
        assertThat(FormLanguage.choose("he", List.of(Locale.ENGLISH), FormLanguage.EN)).isEqualTo(FormLanguage.HE);
    }

    @Test
    void takesTheFirstSupportedAcceptLanguageIncludingJavasOldHebrewCode() {
        assertThat(FormLanguage.choose(null, List.of(Locale.FRENCH, Locale.forLanguageTag("en-GB")), FormLanguage.HE))
                .isEqualTo(FormLanguage.EN);
        assertThat(FormLanguage.choose("", List.of(new Locale("iw", "IL")), FormLanguage.EN)).isEqualTo(FormLanguage.HE);
    }

    @Test
    void fallsBackToTheDefaultForUnknownOrMissingLanguages() {
        assertThat(FormLanguage.choose("fr", List.of(Locale.GERMAN), FormLanguage.HE)).isEqualTo(FormLanguage.HE);
        assertThat(FormLanguage.choose(null, List.of(), FormLanguage.HE)).isEqualTo(FormLanguage.HE);
    }

    @Test
    void hebrewIsRightToLeftAndOffersEnglish() {
        assertThat(FormLanguage.HE.dir()).isEqualTo("rtl");
        assertThat(FormLanguage.EN.dir()).isEqualTo("ltr");
        assertThat(FormLanguage.HE.other()).isEqualTo(FormLanguage.EN);
    }
}
