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
        Map<String, String> values = new HashMap<>();
        values.put("customer", c.customerName);
        values.put("reference", c.reference);
        values.put("subject", c.subject);
        values.put("resolution", c.resolution == null ? "-" : c.resolution);
        return texts.render(c.language, "thank-you", values);
    }
}
