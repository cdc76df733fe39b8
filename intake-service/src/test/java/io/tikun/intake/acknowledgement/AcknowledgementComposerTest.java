package io.tikun.intake.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;

class AcknowledgementComposerTest {

    /** Tuesday 24 November 2026, 14:00 in Jerusalem. */
    private static final Instant DUE = Instant.parse("2026-11-24T12:00:00Z");
    private static final String REFERENCE = "TK-000042";

    private final AcknowledgementComposer composer = new AcknowledgementComposer(ZoneId.of("Asia/Jerusalem"));

    private static Complaint complaint(String language, String subject, Severity severity) {
        return new Complaint("c-42", REFERENCE, "email", new Customer("cu-7", "Dana Levi", "dana@example.com", null),
                subject, subject + ".", new SeverityAssessment(severity, List.of()), DUE.minus(Duration.ofHours(4)), DUE,
                "email:m-42@example.com", "f-42", false, null, null, language);
    }

    @Test
    void anAcknowledgementToAnUnprovenAddressCarriesNothingTheSubmitterTyped() {
        for (String language : List.of("en", "he")) {
            AcknowledgementMail mail = composer.composeUnverified(complaint(language, "Visit evil.example now",
                    Severity.LOW), "https://care.example.com/complain/confirm/c-42?t=1.x");

            assertThat(mail.to()).isEqualTo("dana@example.com");
            assertThat(mail.subject()).startsWith("[TK-000042]").doesNotContain("evil");
            assertThat(mail.body()).contains(REFERENCE).contains("https://care.example.com/complain/confirm/c-42?t=1.x")
                    .doesNotContain("Dana").doesNotContain("evil.example");
        }
    }

    @Test
    void writesTheEnglishEmailAcknowledgementWordForWordAsBefore() {
        AcknowledgementMail mail = composer.compose(complaint("en", "My order never arrived", Severity.HIGH),
                "<m-42@example.com>");

        assertThat(mail.to()).isEqualTo("dana@example.com");
        assertThat(mail.inReplyTo()).isEqualTo("<m-42@example.com>");
        assertThat(mail.subject()).isEqualTo("[TK-000042] We have your complaint: My order never arrived");
        assertThat(mail.body()).isEqualTo(
                """
                        Dear Dana Levi,

                        Thank you for writing to us. We have registered your complaint "My order never arrived" under reference TK-000042.

                        What happens next: A senior member of our team is handling it.
                        You will hear from us by Tuesday 24 November 2026, 14:00.

                        If you write to us again about this, please keep TK-000042 in the subject line so it reaches the same people.

                        Tikun customer care
                        """);
    }

    @Test
    void writesTheHebrewEmailAcknowledgementWordForWordAsBefore() {
        AcknowledgementMail mail = composer.compose(complaint("he", "המזגן לא עובד", Severity.CRITICAL), null);

        assertThat(mail.subject()).isEqualTo("[TK-000042] קיבלנו את פנייתך: המזגן לא עובד");
        assertThat(mail.body()).isEqualTo("""
                Dana Levi שלום,

                תודה שפנית אלינו. רשמנו את פנייתך "המזגן לא עובד" במספר TK-000042.

                מה הלאה: בשל מה שתיארת, מנהל השירות מטפל בפנייה באופן אישי.
                נחזור אליך עד יום שלישי 24 נובמבר 2026, 14:00.

                אם תכתוב/י לנו שוב בעניין זה, נא להשאיר את TK-000042 בשורת הנושא.

                שירות הלקוחות של תיקון
                """);
    }

    @Test
    void writesTheEnglishDirectMessageWithWhatHappensNextByWhenAndToReplyInTheConversation() {
        String message = composer.directMessage(complaint("en", "My order never arrived", Severity.MEDIUM));

        assertThat(message).startsWith("Hello Dana Levi,").contains("under reference TK-000042")
                .contains("What happens next: A member of our customer care team will look into it.")
                .contains("You will hear from us by Tuesday 24 November 2026, 14:00.")
                .contains("just reply in this conversation").contains("please mention TK-000042")
                .doesNotContainIgnoringCase("subject").doesNotContainIgnoringCase("e-mail")
                .endsWith("Tikun customer care\n");
    }

    @Test
    void writesTheHebrewDirectMessageWithWhatHappensNextByWhenAndToReplyInTheConversation() {
        String message = composer.directMessage(complaint("he", "המזגן לא עובד", Severity.CRITICAL));

        assertThat(message).startsWith("Dana Levi שלום,").contains("רשמנו אותה במספר TK-000042")
                .contains("מה הלאה: בשל מה שתיארת, מנהל השירות מטפל בפנייה באופן אישי.")
                .contains("נחזור אליך עד יום שלישי 24 נובמבר 2026, 14:00.")
                .contains("אפשר פשוט להשיב בשיחה הזו").contains("נא לציין את המספר TK-000042")
                .doesNotContain("נושא").doesNotContain("דוא\"ל").doesNotContainIgnoringCase("subject")
                .endsWith("שירות הלקוחות של תיקון\n");
    }
}
