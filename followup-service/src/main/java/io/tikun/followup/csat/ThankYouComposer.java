package io.tikun.followup.csat;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.followup.verification.CustomerLanguage;

/** Writes the thank-you e-mail sent when a customer confirms a fix, with the link to the satisfaction survey. */
@ApplicationScoped
public class ThankYouComposer {

    /** The e-mail to send; plain text, like the request that preceded it. */
    public record ThankYouText(String subject, String text) {
    }

    /** What the e-mail is about, and the language to write it in. */
    public record ThankYou(String reference, String customerName, String what, URI surveyUrl, Duration validFor,
            CustomerLanguage language) {
    }

    public ThankYouText compose(ThankYou t) {
        String english = english(t);
        if (!t.language().hebrew()) {
            return new ThankYouText("Thank you for confirming: " + t.reference(), english);
        }
        return new ThankYouText("תודה על האישור / Thank you for confirming: " + t.reference(),
                hebrew(t) + "\n\n----------\n\n" + english);
    }

    private static String english(ThankYou t) {
        return """
                Hello %s,

                Thank you for confirming that what we promised was done (request %s):
                %s

                How satisfied are you with how we handled it? One click, from 1 to 5:
                %s

                The link works once, for %d days.

                Thank you,
                Customer service"""
                .formatted(t.customerName(), t.reference(), t.what(), t.surveyUrl(), t.validFor().toDays());
    }

    private static String hebrew(ThankYou t) {
        return """
                שלום %s,

                תודה שאישרת שמה שהבטחנו אכן בוצע (פנייה %s):
                %s

                עד כמה את/ה מרוצה מהטיפול? דירוג קצר, מ-1 עד 5:
                %s

                הקישור פועל פעם אחת, למשך %d ימים.

                תודה,
                שירות הלקוחות"""
                .formatted(t.customerName(), t.reference(), t.what(), t.surveyUrl(), t.validFor().toDays());
    }
}
