package io.tikun.intake.acknowledgement;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.severity.Severity;

/**
 * Writes the acknowledgement in the customer's language (Hebrew when the complaint's detected
 * language is Hebrew, else English): the reference to quote, what happens next given the severity, and the promised time,
 * as an e-mail or as a private message on the customer's social network.
 */
@ApplicationScoped
public class AcknowledgementComposer {

    private static final String WHEN_PATTERN = "EEEE d MMMM yyyy, HH:mm";
    private static final Locale HEBREW = Locale.forLanguageTag("he-IL");
    private static final String HEBREW_CODE = "he";

    private final DateTimeFormatter englishWhen;
    private final DateTimeFormatter hebrewWhen;

    @Inject
    public AcknowledgementComposer(IntakeConfig config) {
        this(config.acknowledgement().timeZone());
    }

    AcknowledgementComposer(ZoneId timeZone) {
        this.englishWhen = DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.ENGLISH).withZone(timeZone);
        this.hebrewWhen = DateTimeFormatter.ofPattern(WHEN_PATTERN, HEBREW).withZone(timeZone);
    }

    public AcknowledgementMail compose(Complaint c, String inReplyTo) {
        boolean hebrew = HEBREW_CODE.equals(c.language());
        String subject = "[" + c.reference() + "] " + (hebrew ? "קיבלנו את פנייתך: " : "We have your complaint: ")
                + c.subject();
        return new AcknowledgementMail(c.customer().email(), subject, hebrew ? hebrewBody(c) : englishBody(c), inReplyTo);
    }

    /**
     * The acknowledgement to an address typed into the anonymous form, which may not be the sender's: fixed wording,
     * the reference, the next step and the promised time, and the link by which the address owner confirms the
     * complaint as theirs; nothing the submitter typed (no name, subject or text), so the form cannot be used to send
     * someone else a message of the submitter's choosing.
     */
    public AcknowledgementMail composeUnverified(Complaint c, String confirmationLink) {
        boolean hebrew = HEBREW_CODE.equals(c.language());
        String subject = "[" + c.reference() + "] "
                + (hebrew ? "קיבלנו פנייה מכתובת זו" : "A complaint sent from this address");
        return new AcknowledgementMail(c.customer().email(), subject,
                hebrew ? hebrewUnverifiedBody(c, confirmationLink) : englishUnverifiedBody(c, confirmationLink), null);
    }

    private String englishUnverifiedBody(Complaint c, String link) {
        return """
                Hello,

                A complaint was sent through our web form with this e-mail address. We have registered it under reference %s.

                What happens next: %s
                You will hear from us by %s.

                If you sent it, please confirm it so we can see it together with your earlier contacts with us:
                %s

                If you did not send it, you need not do anything; you may tell us by replying to this message.

                Tikun customer care
                """.formatted(c.reference(), englishNextStep(c.assessment().severity()),
                englishWhen.format(c.expectedResponseBy()), link);
    }

    private String hebrewUnverifiedBody(Complaint c, String link) {
        return """
                שלום,

                פנייה נשלחה בטופס שבאתר שלנו עם כתובת הדוא"ל הזו. רשמנו אותה במספר %s.

                מה הלאה: %s
                נחזור אליך עד %s.

                אם את/ה שלחת אותה, נא לאשר זאת כדי שנראה אותה יחד עם פניותיך הקודמות אלינו:
                %s

                אם לא שלחת אותה, אין צורך לעשות דבר; אפשר לספר לנו בתשובה להודעה זו.

                שירות הלקוחות של תיקון
                """.formatted(c.reference(), hebrewNextStep(c.assessment().severity()),
                hebrewWhen.format(c.expectedResponseBy()), link);
    }

    /**
     * The acknowledgement as a private message on the customer's own network (Messenger, Instagram, WhatsApp, an X
     * direct message): the same reference, next step and promised time, but the way to add something is to answer in
     * that conversation, since such messages have no subject line to keep the reference in.
     */
    public String directMessage(Complaint c) {
        return HEBREW_CODE.equals(c.language()) ? hebrewDirectMessage(c) : englishDirectMessage(c);
    }

    private String englishBody(Complaint c) {
        return """
                Dear %s,

                Thank you for writing to us. We have registered your complaint "%s" under reference %s.

                What happens next: %s
                You will hear from us by %s.

                If you write to us again about this, please keep %s in the subject line so it reaches the same people.

                Tikun customer care
                """.formatted(c.customer().name(), c.subject(), c.reference(), englishNextStep(c.assessment().severity()),
                englishWhen.format(c.expectedResponseBy()), c.reference());
    }

    private String hebrewBody(Complaint c) {
        return """
                %s שלום,

                תודה שפנית אלינו. רשמנו את פנייתך "%s" במספר %s.

                מה הלאה: %s
                נחזור אליך עד %s.

                אם תכתוב/י לנו שוב בעניין זה, נא להשאיר את %s בשורת הנושא.

                שירות הלקוחות של תיקון
                """.formatted(c.customer().name(), c.subject(), c.reference(), hebrewNextStep(c.assessment().severity()),
                hebrewWhen.format(c.expectedResponseBy()), c.reference());
    }

    private String englishDirectMessage(Complaint c) {
        return """
                Hello %s,

                Thank you for your message. We have registered your complaint under reference %s.

                What happens next: %s
                You will hear from us by %s.

                To add anything, just reply in this conversation. If you contact us another way, please mention %s so it reaches the same people.

                Tikun customer care
                """
                .formatted(c.customer().name(), c.reference(), englishNextStep(c.assessment().severity()),
                        englishWhen.format(c.expectedResponseBy()), c.reference());
    }

    private String hebrewDirectMessage(Complaint c) {
        return """
                %s שלום,

                תודה על פנייתך. רשמנו אותה במספר %s.

                מה הלאה: %s
                נחזור אליך עד %s.

                כדי להוסיף פרטים, אפשר פשוט להשיב בשיחה הזו. אם תפנה/י אלינו בדרך אחרת, נא לציין את המספר %s כדי שהפנייה תגיע לאותו צוות.

                שירות הלקוחות של תיקון
                """
                .formatted(c.customer().name(), c.reference(), hebrewNextStep(c.assessment().severity()),
                        hebrewWhen.format(c.expectedResponseBy()), c.reference());
    }

    private static String englishNextStep(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Because of what you describe, our service manager is handling it personally.";
            case HIGH -> "A senior member of our team is handling it.";
            case MEDIUM, LOW -> "A member of our customer care team will look into it.";
        };
    }

    private static String hebrewNextStep(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "בשל מה שתיארת, מנהל השירות מטפל בפנייה באופן אישי.";
            case HIGH -> "איש צוות בכיר מטפל בפנייה.";
            case MEDIUM, LOW -> "נציג שירות הלקוחות שלנו יבדוק את הפנייה.";
        };
    }
}
