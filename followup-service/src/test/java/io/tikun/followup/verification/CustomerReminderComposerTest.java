package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tikun.followup.message.CustomerMessageDraft;
import io.tikun.followup.message.CustomerTexts;

/** The second request to a customer who has not answered: the same links, said again. */
class CustomerReminderComposerTest {

    private static final URI CONFIRM = URI.create("http://127.0.0.1:8083/verify?token=confirm-token");
    private static final URI DENY = URI.create("http://127.0.0.1:8083/verify?token=deny-token");

    private final CustomerRequestComposer composer = new CustomerRequestComposer(new CustomerTexts(Optional.empty()));

    private static CustomerRequestComposer.Request request(String name, String what, CustomerLanguage language) {
        return new CustomerRequestComposer.Request("TK-000042", name, what, CONFIRM, DENY, Duration.ofDays(11),
                language);
    }

    @Test
    void saysItIsAReminderAndCarriesTheSameLinks() {
        CustomerMessageDraft reminder = composer.composeReminder(request("Dana Levi", "A new heater",
                CustomerLanguage.ENGLISH));

        assertThat(reminder.subject()).isEqualTo("Reminder: Was it done?");
        assertThat(reminder.text()).startsWith("Hello Dana Levi,\n\nWe have not heard from you yet")
                .contains("Yes, it was done: " + CONFIRM, DENY.toString(), "The links work for 11 days");
        assertThat(reminder.links()).extracting(CustomerMessageDraft.Link::url).containsExactly(CONFIRM.toString(),
                DENY.toString());
    }

    @Test
    void remindsAHebrewSpeakingCustomerInHebrew() {
        CustomerMessageDraft reminder = composer.composeReminder(request("דנה לוי", "מזגן חדש",
                CustomerLanguage.HEBREW));

        assertThat(reminder.subject()).isEqualTo("תזכורת: האם זה בוצע?");
        assertThat(reminder.text()).startsWith("שלום דנה לוי,\n\nעדיין לא שמענו ממך");
    }

    @Test
    void leavesTheFirstRequestAsItWas() {
        CustomerMessageDraft first = composer.compose(request("Dana Levi", "A new heater", CustomerLanguage.ENGLISH));

        assertThat(first.subject()).isEqualTo("Was it done?");
        assertThat(first.text()).startsWith("Hello Dana Levi,\n\nWe promised you").doesNotContain("Reminder",
                "not heard");
    }
}
