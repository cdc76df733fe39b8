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

    /** What the e-mail is about, and the language to write it in. */
    public record Request(String reference, String customerName, String what, URI confirmUrl, URI denyUrl,
            Duration validFor, CustomerLanguage language) {
    }

    public CustomerMail compose(Request r) {
        return compose(r, "", "", "", "");
    }

    /** The second request, to a customer who has not answered the first: the same links, said again. */
    public CustomerMail composeReminder(Request r) {
        return compose(r, "Reminder: ", "תזכורת: ", "We have not heard from you yet, so we are asking once more.\n\n",
                "עדיין לא שמענו ממך, ולכן אנו שואלים שוב.\n\n");
    }

    private static CustomerMail compose(Request r, String englishPrefix, String hebrewPrefix, String englishOpening,
            String hebrewOpening) {
        String english = afterGreeting(english(r), englishOpening);
        if (!r.language().hebrew()) {
            return new CustomerMail(englishPrefix + "Was it done? Your request " + r.reference(), english);
        }
        return new CustomerMail(hebrewPrefix + "האם זה בוצע? / " + englishPrefix + "Was it done? " + r.reference(),
                afterGreeting(hebrew(r), hebrewOpening) + "\n\n----------\n\n" + english);
    }

    /** The greeting is the first paragraph. */
    private static String afterGreeting(String text, String opening) {
        int body = text.indexOf("\n\n") + 2;
        return text.substring(0, body) + opening + text.substring(body);
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
