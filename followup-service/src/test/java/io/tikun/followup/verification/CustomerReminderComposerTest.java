package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The second request to a customer who has not answered: the same links, said again. */
class CustomerReminderComposerTest {

    private static final URI CONFIRM = URI.create("http://127.0.0.1:8083/verify?token=confirm-token");
    private static final URI DENY = URI.create("http://127.0.0.1:8083/verify?token=deny-token");

    private final CustomerRequestComposer composer = new CustomerRequestComposer();

    private static CustomerRequestComposer.Request request(String name, String what, CustomerLanguage language) {
        return new CustomerRequestComposer.Request("TK-000042", name, what, CONFIRM, DENY, Duration.ofDays(11),
                language);
    }

    @Test
    void saysItIsAReminderAndCarriesTheSameLinks() {
        CustomerRequestComposer.CustomerMail reminder = composer.composeReminder(request("Dana Levi", "A new heater",
                CustomerLanguage.ENGLISH));

        assertThat(reminder.subject()).isEqualTo("Reminder: Was it done? Your request TK-000042");
        assertThat(reminder.text()).startsWith("Hello Dana Levi,\n\nWe have not heard from you yet")
                .contains(CONFIRM.toString(), DENY.toString(), "The links work for 11 days");
    }

    @Test
    void remindsAHebrewSpeakingCustomerInHebrewFirst() {
        CustomerRequestComposer.CustomerMail reminder = composer.composeReminder(request("דנה לוי", "מזגן חדש",
                CustomerLanguage.HEBREW_AND_ENGLISH));

        assertThat(reminder.subject()).startsWith("תזכורת: האם זה בוצע?").contains("Reminder: Was it done?");
        assertThat(reminder.text()).startsWith("שלום דנה לוי,\n\nעדיין לא שמענו ממך")
                .contains("We have not heard from you yet");
    }

    @Test
    void leavesTheFirstRequestAsItWas() {
        CustomerRequestComposer.CustomerMail first = composer.compose(request("Dana Levi", "A new heater",
                CustomerLanguage.ENGLISH));

        assertThat(first.subject()).isEqualTo("Was it done? Your request TK-000042");
        assertThat(first.text()).startsWith("Hello Dana Levi,\n\nWe promised you").doesNotContain("Reminder");
    }
}
