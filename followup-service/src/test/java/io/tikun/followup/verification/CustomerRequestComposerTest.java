package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class CustomerRequestComposerTest {

    private static final URI CONFIRM = URI.create("https://service.example.co.il/verify?token=confirm-token");
    private static final URI DENY = URI.create("https://service.example.co.il/verify?token=deny-token");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    private final CustomerRequestComposer composer = new CustomerRequestComposer();

    private static CustomerRequestComposer.Request request(String name, String what, CustomerLanguage language) {
        return new CustomerRequestComposer.Request("TK-000042", name, what, CONFIRM, DENY, FOURTEEN_DAYS, language);
    }

    @Test
    void writesToALatinNamedCustomerInEnglishWithOneLinkPerAnswer() {
        CustomerRequestComposer.CustomerMail mail = composer.compose(request("Dana Levi", "Replace the heater",
                CustomerLanguage.ENGLISH));

        assertThat(mail.subject()).isEqualTo("Was it done? Your request TK-000042");
        assertThat(mail.text()).contains("Hello Dana Levi", "Replace the heater", "The links work for 14 days")
                .contains("Yes, it was done:\n" + CONFIRM, "No, it was not done:\n" + DENY)
                .doesNotContain("שלום");
    }

    @Test
    void writesHebrewFirstToAHebrewSpeakingCustomer() {
        CustomerRequestComposer.CustomerMail mail = composer.compose(request("Dana Levi", "טכנאי יחליף את המזגן",
                CustomerLanguage.HEBREW_AND_ENGLISH));

        assertThat(mail.subject()).contains("האם זה בוצע?", "TK-000042");
        assertThat(mail.text()).startsWith("שלום Dana Levi").contains("כן, זה בוצע:\n" + CONFIRM,
                "לא, זה לא בוצע:\n" + DENY, "Yes, it was done:\n" + CONFIRM);
    }

    @Test
    void writesInEnglishOnlyToAnEnglishSpeakingCustomerWhateverThePromiseIsWrittenIn() {
        CustomerRequestComposer.CustomerMail mail = composer.compose(request("דנה לוי", "טכנאי יחליף את המזגן",
                CustomerLanguage.ENGLISH));

        assertThat(mail.subject()).isEqualTo("Was it done? Your request TK-000042");
        assertThat(mail.text()).startsWith("Hello דנה לוי").doesNotContain("שלום", "כן, זה בוצע");
    }

    @Test
    void writesHebrewOnlyForAHebrewComplaintAndEnglishForEveryOtherLanguage() {
        assertThat(CustomerLanguage.ofComplaintLanguage("he")).isEqualTo(CustomerLanguage.HEBREW_AND_ENGLISH);
        assertThat(CustomerLanguage.ofComplaintLanguage("iw")).isEqualTo(CustomerLanguage.HEBREW_AND_ENGLISH);
        assertThat(CustomerLanguage.ofComplaintLanguage("en")).isEqualTo(CustomerLanguage.ENGLISH);
        assertThat(CustomerLanguage.ofComplaintLanguage("ar")).isEqualTo(CustomerLanguage.ENGLISH);
        assertThat(CustomerLanguage.ofComplaintLanguage("ru")).isEqualTo(CustomerLanguage.ENGLISH);
    }

    @Test
    void guessesFromAHebrewNameOrPromiseWhenNoComplaintLanguageIsKnown() {
        assertThat(CustomerLanguage.guessedFrom("דנה", "Replace the heater"))
                .isEqualTo(CustomerLanguage.HEBREW_AND_ENGLISH);
        assertThat(CustomerLanguage.guessedFrom("Dana", "Replace the heater", null)).isEqualTo(CustomerLanguage.ENGLISH);
        // Arabic letters are not Hebrew ones: the guess gives English.
        assertThat(CustomerLanguage.guessedFrom("دانة", "Replace the heater")).isEqualTo(CustomerLanguage.ENGLISH);
    }
}
