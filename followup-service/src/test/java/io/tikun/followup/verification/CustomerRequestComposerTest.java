package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tikun.followup.message.CustomerMessageDraft;
import io.tikun.followup.message.CustomerTexts;

class CustomerRequestComposerTest {

    private static final URI CONFIRM = URI.create("https://service.example.co.il/verify?token=confirm-token");
    private static final URI DENY = URI.create("https://service.example.co.il/verify?token=deny-token");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    private final CustomerRequestComposer composer = new CustomerRequestComposer(new CustomerTexts(Optional.empty()));

    private static CustomerRequestComposer.Request request(String name, String what, CustomerLanguage language) {
        return new CustomerRequestComposer.Request("TK-000042", name, what, CONFIRM, DENY, FOURTEEN_DAYS, language);
    }

    @Test
    void asksAnEnglishSpeakingCustomerWithOneLinkPerAnswerInTheTextAndAsLinks() {
        CustomerMessageDraft mail = composer.compose(request("Dana Levi", "Replace the heater",
                CustomerLanguage.ENGLISH));

        // The system tests find this message by "Was it done?" in the subject and "Yes, it was done: <url>".
        assertThat(mail.subject()).isEqualTo("Was it done?");
        assertThat(mail.text()).contains("Hello Dana Levi", "Replace the heater", "TK-000042",
                "The links work for 14 days")
                .contains("Yes, it was done: " + CONFIRM, "No, it was not done: " + DENY)
                .doesNotContain("שלום", "{");
        assertThat(mail.links()).containsExactly(
                new CustomerMessageDraft.Link("Yes, it was done", CONFIRM.toString()),
                new CustomerMessageDraft.Link("No, it was not done", DENY.toString()));
    }

    @Test
    void asksAHebrewSpeakingCustomerInHebrewOnly() {
        CustomerMessageDraft mail = composer.compose(request("Dana Levi", "טכנאי יחליף את המזגן",
                CustomerLanguage.HEBREW));

        assertThat(mail.subject()).isEqualTo("האם זה בוצע?");
        assertThat(mail.text()).startsWith("שלום Dana Levi").contains("כן, זה בוצע: " + CONFIRM,
                "לא, זה לא בוצע: " + DENY).doesNotContain("Yes, it was done");
        assertThat(mail.links()).extracting(CustomerMessageDraft.Link::label).containsExactly("כן, זה בוצע",
                "לא, זה לא בוצע");
    }

    @Test
    void asksArabicAndRussianSpeakingCustomersInTheirLanguage() {
        CustomerMessageDraft arabic = composer.compose(request("دانة", "استبدال السخان", CustomerLanguage.ARABIC));
        CustomerMessageDraft russian = composer.compose(request("Дана", "Заменить обогреватель",
                CustomerLanguage.RUSSIAN));

        assertThat(arabic.subject()).isEqualTo("هل تمّ ذلك؟");
        assertThat(arabic.text()).startsWith("مرحبًا دانة").contains("نعم، تمّ ذلك: " + CONFIRM, "TK-000042");
        assertThat(russian.subject()).isEqualTo("Это сделано?");
        assertThat(russian.text()).startsWith("Здравствуйте, Дана!").contains("Да, это сделано: " + CONFIRM,
                "Нет, это не сделано: " + DENY);
    }

    @Test
    void greetsWithoutANameWhenTheCustomerHasNone() {
        CustomerMessageDraft mail = composer.compose(request(null, "Replace the heater", CustomerLanguage.ENGLISH));

        assertThat(mail.text()).startsWith("Hello,\n\n");
    }

    @Test
    void writesInTheComplaintsLanguageAndEnglishForLanguagesWithoutABundle() {
        assertThat(CustomerLanguage.ofComplaintLanguage("he")).isEqualTo(CustomerLanguage.HEBREW);
        assertThat(CustomerLanguage.ofComplaintLanguage("iw")).isEqualTo(CustomerLanguage.HEBREW);
        assertThat(CustomerLanguage.ofComplaintLanguage("en")).isEqualTo(CustomerLanguage.ENGLISH);
        assertThat(CustomerLanguage.ofComplaintLanguage("ar")).isEqualTo(CustomerLanguage.ARABIC);
        assertThat(CustomerLanguage.ofComplaintLanguage("ru")).isEqualTo(CustomerLanguage.RUSSIAN);
        assertThat(CustomerLanguage.ofComplaintLanguage("fr")).isEqualTo(CustomerLanguage.ENGLISH);
        assertThat(CustomerLanguage.ofComplaintLanguage(null)).isEqualTo(CustomerLanguage.ENGLISH);
    }

    @Test
    void guessesFromTheScriptOfTheNameOrPromiseWhenNoComplaintLanguageIsKnown() {
        assertThat(CustomerLanguage.guessedFrom("דנה", "Replace the heater")).isEqualTo(CustomerLanguage.HEBREW);
        assertThat(CustomerLanguage.guessedFrom("Dana", "Replace the heater", null)).isEqualTo(CustomerLanguage.ENGLISH);
        assertThat(CustomerLanguage.guessedFrom("دانة", "Replace the heater")).isEqualTo(CustomerLanguage.ARABIC);
        assertThat(CustomerLanguage.guessedFrom("Дана", "Replace the heater")).isEqualTo(CustomerLanguage.RUSSIAN);
    }
}
