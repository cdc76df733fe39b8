package io.tikun.routing.cases;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.conversation.CustomerTexts;

/**
 * The thank-you the customer receives (through intake, on their channel) when their case is resolved: thanks for
 * raising it, what was done, the reference and how to reopen it, in the complaint's language.
 */
@ApplicationScoped
public class ThankYouComposer {

    private final CustomerTexts texts;

    public ThankYouComposer(CustomerTexts texts) {
        this.texts = texts;
    }

    public String compose(SupportCase c) {
        return compose(c.language, c.customerName, c.reference, c.subject, c.resolution);
    }

    /** The same thank-you for a resolution not recorded yet: what the resolve form previews. */
    public String compose(String language, String customerName, String reference, String subject, String resolution) {
        Map<String, String> values = new HashMap<>();
        values.put("customer", customerName);
        values.put("reference", reference);
        values.put("subject", subject);
        values.put("resolution", resolution == null || resolution.isBlank() ? "-" : resolution);
        return texts.render(language, "thank-you", values);
    }
}
