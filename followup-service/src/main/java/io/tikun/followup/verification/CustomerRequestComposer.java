package io.tikun.followup.verification;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/** Writes the e-mail that asks a customer whether a promise was kept, with one link per answer. */
@ApplicationScoped
public class CustomerRequestComposer {

    /** The e-mail to send; plain text, so the links are visible and nothing is hidden behind markup. */
    public record CustomerMail(String subject, String text) {
    }

    /** What the e-mail is about. */
    public record Request(String reference, String customerName, String what, URI confirmUrl, URI denyUrl,
            Duration validFor) {
    }

    public CustomerMail compose(Request r) {
        CustomerLanguage language = CustomerLanguage.of(r.customerName(), r.what());
        String english = english(r);
        if (!language.hebrew()) {
            return new CustomerMail("Was it done? Your request " + r.reference(), english);
        }
        return new CustomerMail("האם זה בוצע? / Was it done? " + r.reference(),
                hebrew(r) + "\n\n----------\n\n" + english);
    }

    private static String english(Request r) {
        return """
                Hello %s,

                We promised you (request %s):
                %s

                The person handling it tells us it is done. Please tell us whether that is so.

                Yes, it was done:
                %s

                No, it was not done:
                %s

                Each link opens a page where you confirm your answer; you can add a comment there.
                The links work for %d days. If they do not work, simply reply to this e-mail.

                Thank you,
                Customer service"""
                .formatted(r.customerName(), r.reference(), r.what(), r.confirmUrl(), r.denyUrl(),
                        r.validFor().toDays());
    }

    private static String hebrew(Request r) {
        return """
                שלום %s,

                הבטחנו לך (פנייה %s):
                %s

                האחראי על הטיפול מסר לנו שהדבר בוצע. נשמח לדעת אם זה נכון.

                כן, זה בוצע:
                %s

                לא, זה לא בוצע:
                %s

                כל קישור פותח דף שבו מאשרים את התשובה; אפשר להוסיף שם הערה.
                הקישורים בתוקף %d ימים. אם הם לא עובדים, פשוט השיבו למייל זה.

                תודה,
                שירות הלקוחות"""
                .formatted(r.customerName(), r.reference(), r.what(), r.confirmUrl(), r.denyUrl(),
                        r.validFor().toDays());
    }
}
