package io.tikun.followup.verification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.followup.message.CustomerMessageDraft;
import io.tikun.followup.message.CustomerTexts;

/**
 * Writes the message that asks a customer whether a promise was kept, with one link per answer, in the customer's
 * language ({@link CustomerTexts}). The links are both in the text, each on the line of its answer, and in the
 * draft's links (buttons where the channel has them).
 */
@ApplicationScoped
public class CustomerRequestComposer {

    /** What the message is about, and the language to write it in. */
    public record Request(String reference, String customerName, String what, URI confirmUrl, URI denyUrl,
            Duration validFor, CustomerLanguage language) {
    }

    private final CustomerTexts texts;

    public CustomerRequestComposer(CustomerTexts texts) {
        this.texts = texts;
    }

    public CustomerMessageDraft compose(Request r) {
        return compose(r, false);
    }

    /** The second request, to a customer who has not answered the first: the same links, said again. */
    public CustomerMessageDraft composeReminder(Request r) {
        return compose(r, true);
    }

    private CustomerMessageDraft compose(Request r, boolean reminder) {
        CustomerLanguage language = r.language();
        String body = texts.text(language, "verify.body", Map.of("reference", r.reference(), "what", r.what(),
                "confirmUrl", r.confirmUrl(), "denyUrl", r.denyUrl(), "days", Math.max(1, r.validFor().toDays())));
        String opening = reminder ? texts.text(language, "verify-reminder.opening") + "\n\n" : "";
        String text = texts.greeting(language, r.customerName()) + "\n\n" + opening + body + "\n\n"
                + texts.text(language, "signature");
        String subject = texts.text(language, reminder ? "verify-reminder.subject" : "verify.subject");
        return new CustomerMessageDraft(subject, text,
                List.of(new CustomerMessageDraft.Link(texts.text(language, "verify.link.confirm"),
                        r.confirmUrl().toString()),
                        new CustomerMessageDraft.Link(texts.text(language, "verify.link.deny"),
                                r.denyUrl().toString())));
    }
}
