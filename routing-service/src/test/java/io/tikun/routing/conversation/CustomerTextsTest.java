package io.tikun.routing.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerTextsTest {

    private static final Map<String, String> THANK_YOU = Map.of("customer", "Dana Levi", "reference", "TK-000042",
            "subject", "Heater caught fire", "resolution", "We replaced the heater.");

    @Test
    void everyTextExistsInHebrewEnglishArabicAndRussianWithEveryPlaceholderFilled() {
        CustomerTexts texts = new CustomerTexts((Path) null);
        for (String lang : CustomerTexts.LANGUAGES) {
            CustomerTexts.PLACEHOLDERS.forEach((key, placeholders) -> {
                Map<String, String> values = new java.util.HashMap<>();
                placeholders.forEach(p -> values.put(p, "<" + p + ">"));
                String text = texts.render(lang, key, values);
                assertThat(text).as(lang + " " + key).doesNotContain("{");
                placeholders.forEach(p -> assertThat(text).as(lang + " " + key).contains("<" + p + ">"));
            });
        }
    }

    @Test
    void theThankYouIsInTheComplaintsLanguageAndHebrewWhenRoutingHasNoTextsInIt() {
        CustomerTexts texts = new CustomerTexts((Path) null);
        assertThat(texts.render("en", "thank-you", THANK_YOU)).startsWith("Hello Dana Levi,")
                .contains("We replaced the heater.").contains("TK-000042").contains("answer this mail");
        assertThat(texts.render("ru", "thank-you", THANK_YOU)).startsWith("Здравствуйте, Dana Levi!");
        assertThat(texts.render("ar", "thank-you", THANK_YOU)).startsWith("مرحبًا Dana Levi");
        assertThat(texts.render("und", "thank-you", THANK_YOU)).isEqualTo(texts.render("he", "thank-you", THANK_YOU))
                .startsWith("שלום Dana Levi");
        assertThat(CustomerTexts.languageOf(null)).isEqualTo("he");
    }

    @Test
    void bracesInTheFilledInWordsStayAsWritten() {
        CustomerTexts texts = new CustomerTexts((Path) null);
        Map<String, String> values = Map.of("customer", "{reference}", "reference", "TK-1", "note", "Costs {due} shekels");
        assertThat(texts.render("en", "callback-summary", values)).startsWith("Hello {reference},")
                .contains("Costs {due} shekels");
    }

    @Test
    void anOperatorRewordsATextFromTheOverrideDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("texts_en.properties"), "thank-you=Thanks {customer}! Ref {reference}.\n",
                StandardCharsets.UTF_8);
        CustomerTexts texts = new CustomerTexts(dir);
        assertThat(texts.render("en", "thank-you", THANK_YOU)).isEqualTo("Thanks Dana Levi! Ref TK-000042.");
        assertThat(texts.render("en", "callback-summary", Map.of("customer", "Dana", "reference", "R", "note", "n")))
                .startsWith("Hello Dana,");
        assertThat(texts.render("he", "thank-you", THANK_YOU)).startsWith("שלום Dana Levi");
    }

    @Test
    void anOverrideWithAPlaceholderRoutingDoesNotFillStopsTheStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("texts_ru.properties"), "thank-you=Спасибо, {agentName}!\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CustomerTexts(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ru: thank-you uses unknown placeholder {agentName}");
    }
}
