package io.tikun.routing.cases;

import jakarta.enterprise.context.ApplicationScoped;

/** The thank-you the customer receives (through intake, on their channel) when their case is resolved. */
@ApplicationScoped
public class ThankYouComposer {

    public String compose(SupportCase c) {
        return """
                Dear %s,

                Thank you for telling us about "%s" (reference %s) and for your patience while we dealt with it.
                What we did: %s

                If anything is still not right, simply reply to this message and we will pick it up again at once.
                """.formatted(c.customerName, c.subject, c.reference, c.resolution);
    }
}
