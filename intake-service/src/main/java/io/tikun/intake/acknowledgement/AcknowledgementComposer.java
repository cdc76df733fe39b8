package io.tikun.intake.acknowledgement;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.severity.Severity;

/**
 * Writes the acknowledgement in the customer's language (Hebrew when the complaint's detected
 * language is Hebrew, else English): the reference to quote, what happens next given the severity, and the promised time.
 */
@ApplicationScoped
public class AcknowledgementComposer {

    private static final String WHEN_PATTERN = "EEEE d MMMM yyyy, HH:mm";
    private static final Locale HEBREW = Locale.forLanguageTag("he-IL");
    private static final String HEBREW_CODE = "he";

    private final DateTimeFormatter englishWhen;
    private final DateTimeFormatter hebrewWhen;

    public AcknowledgementComposer(IntakeConfig config) {
        this.englishWhen = DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.ENGLISH)
                .withZone(config.acknowledgement().timeZone());
        this.hebrewWhen = DateTimeFormatter.ofPattern(WHEN_PATTERN, HEBREW).withZone(config.acknowledgement().timeZone());
    }

    public AcknowledgementMail compose(Complaint c, String inReplyTo) {
        boolean hebrew = HEBREW_CODE.equals(c.language());
        String subject = "[" + c.reference() + "] " + (hebrew ? "קיבלנו את פנייתך: " : "We have your complaint: ")
                + c.subject();
        return new AcknowledgementMail(c.customer().email(), subject, hebrew ? hebrewBody(c) : englishBody(c), inReplyTo);
    }

    private String englishBody(Complaint c) {
        String next = switch (c.assessment().severity()) {
            case CRITICAL -> "Because of what you describe, our service manager is handling it personally.";
            case HIGH -> "A senior member of our team is handling it.";
            case MEDIUM, LOW -> "A member of our customer care team will look into it.";
        };
        return """
                Dear %s,

                Thank you for writing to us. We have registered your complaint "%s" under reference %s.

                What happens next: %s
                You will hear from us by %s.

                If you write to us again about this, please keep %s in the subject line so it reaches the same people.

                Tikun customer care
                """.formatted(c.customer().name(), c.subject(), c.reference(), next,
                englishWhen.format(c.expectedResponseBy()), c.reference());
    }

    private String hebrewBody(Complaint c) {
        String next = c.assessment().severity() == Severity.CRITICAL ? "בשל מה שתיארת, מנהל השירות מטפל בפנייה באופן אישי."
                : c.assessment().severity() == Severity.HIGH ? "איש צוות בכיר מטפל בפנייה."
                        : "נציג שירות הלקוחות שלנו יבדוק את הפנייה.";
        return """
                %s שלום,

                תודה שפנית אלינו. רשמנו את פנייתך "%s" במספר %s.

                מה הלאה: %s
                נחזור אליך עד %s.

                אם תכתוב/י לנו שוב בעניין זה, נא להשאיר את %s בשורת הנושא.

                שירות הלקוחות של תיקון
                """.formatted(c.customer().name(), c.subject(), c.reference(), next,
                hebrewWhen.format(c.expectedResponseBy()), c.reference());
    }
}
