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

class AcknowledgementLanguagesTest {

    /** Tuesday 24 November 2026, 14:00 in Jerusalem. */
    private static final Instant DUE = Instant.parse("2026-11-24T12:00:00Z");

    private final AcknowledgementComposer composer = new AcknowledgementComposer(ZoneId.of("Asia/Jerusalem"));

    private static Complaint complaint(String language, String subject, Severity severity) {
        return new Complaint("c-42", "TK-000042", "email", new Customer("cu-7", "Dana Levi", "dana@example.com", null),
                subject, subject + ".", new SeverityAssessment(severity, List.of()), DUE.minus(Duration.ofHours(4)), DUE,
                "email:m-42@example.com", "f-42", false, null, null, language);
    }

    @Test
    void aCustomerWhoWroteArabicIsAcknowledgedInArabic() {
        AcknowledgementMail mail = composer.compose(complaint("ar", "المكيف لا يعمل", Severity.CRITICAL), null);

        assertThat(mail.subject()).isEqualTo("[TK-000042] استلمنا شكواك: المكيف لا يعمل");
        assertThat(mail.body()).startsWith("عزيزنا/عزيزتنا Dana Levi،").contains("TK-000042")
                .contains("يتولى مدير الخدمة متابعة شكواك شخصيًا").contains("الثلاثاء").contains("14:00")
                .doesNotContain("Thank you");
    }

    @Test
    void aCustomerWhoWroteRussianIsAcknowledgedInRussian() {
        AcknowledgementMail mail = composer.compose(complaint("ru", "Не работает кондиционер", Severity.HIGH), null);

        assertThat(mail.subject()).isEqualTo("[TK-000042] Мы получили вашу жалобу: Не работает кондиционер");
        assertThat(mail.body()).startsWith("Здравствуйте, Dana Levi!")
                .contains("Вашим обращением занимается старший сотрудник").contains("вторник 24 ноября 2026, 14:00")
                .endsWith("Служба поддержки клиентов Tikun\n");
    }

    @Test
    void directMessagesAndUnverifiedAcknowledgementsFollowTheLanguageToo() {
        assertThat(composer.directMessage(complaint("ru", "Жалоба", Severity.LOW))).startsWith("Здравствуйте, Dana Levi!")
                .contains("ответьте в этой переписке");
        assertThat(composer.composeUnverified(complaint("ar", "شكوى", Severity.LOW), "https://care.example/c/1").body())
                .contains("https://care.example/c/1").contains("TK-000042").doesNotContain("Dana");
    }

    @Test
    void anUndeterminedLanguageIsAcknowledgedInEnglish() {
        assertThat(composer.compose(complaint("und", "👍", Severity.LOW), null).subject())
                .isEqualTo("[TK-000042] We have your complaint: 👍");
    }

    @Test
    void aSubjectThatLooksLikeAPlaceholderIsKeptAsWritten() {
        assertThat(composer.compose(complaint("en", "{reference} {when}", Severity.LOW), null).body())
                .contains("\"{reference} {when}\" under reference TK-000042");
    }
}
