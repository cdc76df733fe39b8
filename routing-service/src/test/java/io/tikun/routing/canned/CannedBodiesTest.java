package io.tikun.routing.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CannedBodiesTest {

    @Test
    void keepsEachLanguagesBodyStripped() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("en", " Hello {customerName} ");
        bodies.put("ru", "Здравствуйте, {customerName}");

        assertThat(CannedResponseService.validBodies(bodies)).containsExactly(
                Map.entry(CannedLanguage.EN, "Hello {customerName}"),
                Map.entry(CannedLanguage.RU, "Здравствуйте, {customerName}"));
    }

    @Test
    void namesTheBodyWithTheUnknownPlaceholder() {
        assertThatThrownBy(() -> CannedResponseService.validBodies(Map.of("he", "שלום {name}")))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("bodies.he");
                    assertThat(e.getMessage()).contains("'{name}'");
                });
    }

    @Test
    void refusesALanguageCustomersAreNotAnsweredIn() {
        assertThatThrownBy(() -> CannedResponseService.validBodies(Map.of("fr", "Bonjour")))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.field()).isEqualTo("bodies.fr"));
        assertThatThrownBy(() -> CannedResponseService.validBodies(Map.of("HE", "שלום")))
                .isInstanceOf(InvalidTemplateException.class);
    }

    @Test
    void previewsInTheCustomersLanguageElseHebrewElseEnglish() {
        Map<CannedLanguage, String> all = Map.of(CannedLanguage.HE, "א", CannedLanguage.EN, "b", CannedLanguage.AR, "ج");
        assertThat(ReplyPreviewService.language(all, Optional.of(CannedLanguage.AR))).isEqualTo(CannedLanguage.AR);
        assertThat(ReplyPreviewService.language(all, Optional.of(CannedLanguage.RU))).isEqualTo(CannedLanguage.HE);
        assertThat(ReplyPreviewService.language(all, Optional.empty())).isEqualTo(CannedLanguage.HE);
        assertThat(ReplyPreviewService.language(Map.of(CannedLanguage.EN, "b", CannedLanguage.RU, "в"), Optional.empty()))
                .isEqualTo(CannedLanguage.EN);
        assertThat(ReplyPreviewService.language(Map.of(CannedLanguage.RU, "в"), Optional.of(CannedLanguage.HE)))
                .isEqualTo(CannedLanguage.RU);
    }

    @Test
    void readsLanguageTagsByTheirPrimaryLanguage() {
        assertThat(CannedLanguage.of("he-IL")).contains(CannedLanguage.HE);
        assertThat(CannedLanguage.of("EN")).contains(CannedLanguage.EN);
        assertThat(CannedLanguage.of("de")).isEmpty();
        assertThat(CannedLanguage.of(null)).isEmpty();
    }
}
