package io.tikun.followup.csat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.followup.message.CustomerMessageDraft;
import io.tikun.followup.message.CustomerTexts;
import io.tikun.followup.verification.CustomerLanguage;

/**
 * Writes the thanks sent when a customer confirms a fix. The satisfaction survey is not in it: it goes once per case,
 * when the case is resolved ({@link SurveyComposer}).
 */
@ApplicationScoped
public class ThankYouComposer {

    /** What the message is about, and the language to write it in. */
    public record ThankYou(String reference, String customerName, String what, CustomerLanguage language) {
    }

    private final CustomerTexts texts;

    public ThankYouComposer(CustomerTexts texts) {
        this.texts = texts;
    }

    public CustomerMessageDraft compose(ThankYou t) {
        CustomerLanguage language = t.language();
        String text = texts.greeting(language, t.customerName()) + "\n\n"
                + texts.text(language, "thank-you.body", Map.of("reference", t.reference(), "what", t.what()))
                + "\n\n" + texts.text(language, "signature");
        return new CustomerMessageDraft(texts.text(language, "thank-you.subject"), text, List.of());
    }
}
