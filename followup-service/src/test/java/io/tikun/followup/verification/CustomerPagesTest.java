package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.verification.CustomerAnswer.Refusal;

class CustomerPagesTest {

    private static final String TOKEN = "v1.token-of-the-link";
    private static final String ENGLISH_LINE = "<span class=\"en\" lang=\"en\" dir=\"ltr\">";

    private static CustomerPages pages(Optional<String> phone) {
        return new CustomerPages(PageFixtures.templates(phone));
    }

    private static CustomerPages pages() {
        return pages(Optional.empty());
    }

    private static CommitmentView commitment(String what, CommitmentStatus status) {
        return new CommitmentView(UUID.randomUUID(), UUID.randomUUID(), "cmp-1", "TK-000077",
                new CommitmentView.Customer("cust-1", "Dana Levi", "dana@example.co.il", null), what, "yossi",
                Instant.parse("2026-12-08T10:00:00Z"), "manager", Instant.parse("2026-12-01T10:00:00Z"), status,
                List.of());
    }

    private static String ask(LinkAction action, CustomerLanguage language, String what) {
        return pages().ask(CustomerAnswer.ready(action, commitment(what, CommitmentStatus.CLAIMED_DONE), language),
                TOKEN).html();
    }

    @Test
    void asksAnArabicCustomerRightToLeftInArabicWithEnglishUnderEachText() {
        String html = ask(LinkAction.CONFIRM_FIXED, CustomerLanguage.ARABIC, "سيستبدل فني المكيّف يوم الثلاثاء");

        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "هل تمّ ذلك؟", ENGLISH_LINE + "Was it done?</span>",
                "نرجو أن تؤكّد لنا", ENGLISH_LINE + "Please confirm that what we promised was done.</span>",
                "نعم، تمّ ذلك", ENGLISH_LINE + "Yes, it was done</span>", "سيستبدل فني المكيّف يوم الثلاثاء",
                "<title>هل تمّ ذلك؟ / Was it done?</title>");
    }

    @Test
    void asksARussianCustomerLeftToRightInRussian() {
        String html = ask(LinkAction.DENY_FIXED, CustomerLanguage.RUSSIAN, "Техник заменит кондиционер во вторник");

        assertThat(html).contains("<html lang=\"ru\" dir=\"ltr\">", "Это не сделано?",
                ENGLISH_LINE + "It was not done?</span>", "Что всё ещё не в порядке?", "Нет, это не сделано",
                ENGLISH_LINE + "No, it was not done</span>");
    }

    @Test
    void asksAHebrewCustomerRightToLeftInHebrew() {
        String html = ask(LinkAction.CONFIRM_FIXED, CustomerLanguage.HEBREW, "טכנאי יחליף את המזגן ביום שלישי");

        assertThat(html).contains("<html lang=\"he\" dir=\"rtl\">", "האם זה בוצע?", ENGLISH_LINE + "Was it done?</span>",
                "כן, זה בוצע");
    }

    @Test
    void asksAnEnglishCustomerInEnglishOnly() {
        String html = ask(LinkAction.CONFIRM_FIXED, CustomerLanguage.ENGLISH, "A technician replaces the heater");

        assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">", "<h1>Was it done?</h1>", "Yes, it was done",
                "<title>Was it done?</title>").doesNotContain(ENGLISH_LINE, "lang=\"he\"");
    }

    @Test
    void theFormPostsTheTokenWithALabelledCommentAndChangesNothingByItself() {
        String html = ask(LinkAction.DENY_FIXED, CustomerLanguage.ENGLISH, "A technician replaces the heater");

        assertThat(html).contains("<form method=\"post\" action=\"verify\" accept-charset=\"UTF-8\">",
                "<input type=\"hidden\" name=\"token\" value=\"" + TOKEN + "\">",
                "<label class=\"field\" for=\"comment\">What is still wrong?</label>",
                "<textarea id=\"comment\" name=\"comment\" dir=\"auto\" rows=\"4\" maxlength=\""
                        + CustomerAnswerService.MAX_COMMENT + "\">",
                "<p class=\"ref\">TK-000077</p>", "name=\"viewport\" content=\"width=device-width, initial-scale=1\"",
                "<meta name=\"robots\" content=\"noindex\">");
    }

    @ParameterizedTest
    @EnumSource(CustomerLanguage.class)
    void escapesAHostilePromiseAndTokenInEveryLanguage(CustomerLanguage language) {
        String html = pages().ask(CustomerAnswer.ready(LinkAction.CONFIRM_FIXED,
                commitment("<script>alert('x')</script> & more", CommitmentStatus.CLAIMED_DONE), language),
                "\"><script>alert(1)</script>").html();

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more",
                "value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>");
    }

    @ParameterizedTest
    @CsvSource({ "ARABIC,ar,rtl,شكرًا جزيلًا", "RUSSIAN,ru,ltr,Спасибо за подтверждение", "HEBREW,he,rtl,תודה רבה" })
    void thanksInTheCustomersLanguage(CustomerLanguage language, String code, String dir, String thanks) {
        String html = pages().thanks(CustomerAnswer.recorded(LinkAction.CONFIRM_FIXED,
                commitment("x", CommitmentStatus.VERIFIED), null, null, language)).html();

        assertThat(html).contains("<html lang=\"" + code + "\" dir=\"" + dir + "\">", thanks,
                ENGLISH_LINE + "Thank you for confirming. We are glad it was done.</span>");
    }

    @ParameterizedTest
    @CsvSource({ "BROKEN,A manager has been told", "DISPUTED,The person responsible has been told" })
    void thanksForADenialSayWhoWasTold(CommitmentStatus status, String told) {
        CustomerPages.Page page = pages().thanks(CustomerAnswer.recorded(LinkAction.DENY_FIXED,
                commitment("x", status), null, null, CustomerLanguage.ENGLISH));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Thank you for telling us", told);
    }

    @ParameterizedTest
    @CsvSource({ "MALFORMED,400", "TAMPERED,400", "WRONG_LINK,400", "EXPIRED,410", "ALREADY_USED,409",
            "ALREADY_ANSWERED,409", "UNKNOWN_COMMITMENT,404" })
    void explainsEveryRefusalWithItsStatusInEveryLanguage(Refusal refusal, int status) {
        for (CustomerLanguage language : CustomerLanguage.values()) {
            CustomerPages.Page page = pages().refused(refusal, language);

            assertThat(page.status()).as(language.code()).isEqualTo(status);
            assertThat(page.html()).as(language.code())
                    .contains("<html lang=\"" + language.code() + "\" dir=\"" + language.direction() + "\">",
                            "Nothing was changed", "reply to the e-mail we sent you")
                    .doesNotContain("call us", "tel:");
        }
    }

    @Test
    void aRefusalInHebrewArabicOrRussianKeepsTheEnglishBesideIt() {
        assertThat(pages().refused(Refusal.EXPIRED, CustomerLanguage.HEBREW).html()).contains("תוקף הקישור פג",
                "השיבו למייל ששלחנו", ENGLISH_LINE + "This link has expired</span>");
        assertThat(pages().refused(Refusal.EXPIRED, CustomerLanguage.ARABIC).html()).contains(
                "انتهت صلاحية هذا الرابط", "يكفي أن تردّ على الرسالة", ENGLISH_LINE + "This link has expired</span>");
        assertThat(pages().refused(Refusal.EXPIRED, CustomerLanguage.RUSSIAN).html()).contains(
                "Срок действия ссылки истёк", "просто ответьте на наше письмо",
                ENGLISH_LINE + "This link has expired</span>");
        assertThat(pages().refused(Refusal.EXPIRED, CustomerLanguage.ENGLISH).html())
                .contains("<h1>This link has expired</h1>").doesNotContain(ENGLISH_LINE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "ar-EG,ar;q=0.9,en;q=0.8|ARABIC", "ru-RU|RUSSIAN", "he-IL,he;q=0.9|HEBREW",
            "iw|HEBREW", "fr-FR, ru;q=0.5|RUSSIAN", "en-US,he;q=0.9|ENGLISH", "he;q=0.2, ar;q=0.7|ARABIC",
            "de, fr|ENGLISH", "ar;q=0, ru;q=0.1|RUSSIAN", "*|ENGLISH", "not a ;; header q=x|ENGLISH" })
    void theBrowsersLanguageIsTheFirstItPrefersThatThePagesSpeak(String acceptLanguage, CustomerLanguage expected) {
        assertThat(CustomerLanguage.ofAcceptLanguage(acceptLanguage)).isEqualTo(expected);
    }

    @Test
    void withoutAnAcceptLanguageTheBrowsersLanguageIsEnglish() {
        assertThat(CustomerLanguage.ofAcceptLanguage(null)).isEqualTo(CustomerLanguage.ENGLISH);
        assertThat(CustomerLanguage.ofAcceptLanguage(" ")).isEqualTo(CustomerLanguage.ENGLISH);
    }

    @Test
    void saysSomethingWentWrongWith503InTheBrowsersLanguage() {
        CustomerPages.Page page = pages().unavailable(CustomerLanguage.ofAcceptLanguage("ar"));

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.html()).contains("<html lang=\"ar\" dir=\"rtl\">", "حدث خلل من جهتنا",
                "Something went wrong on our side", "Nothing was changed");
    }

    @ParameterizedTest
    @CsvSource({ "*2040", "03-555-1234" })
    void offersTheSupportPhoneWhenConfigured(String phone) {
        String link = "<a href=\"tel:" + phone + "\" dir=\"ltr\">" + phone + "</a>.";

        assertThat(pages(Optional.of(phone)).refused(Refusal.EXPIRED, CustomerLanguage.ENGLISH).html())
                .contains("or call us at " + link);
        assertThat(pages(Optional.of(phone)).refused(Refusal.EXPIRED, CustomerLanguage.ARABIC).html())
                .contains("أو أن تتصل بنا على الرقم " + link, "or call us at " + link);
    }

    @Test
    void escapesAHostileSupportPhone() {
        assertThat(pages(Optional.of("\"><script>x</script>")).refused(Refusal.EXPIRED, CustomerLanguage.ENGLISH)
                .html()).contains("href=\"tel:&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"").doesNotContain("<script>");
    }

    @Test
    void respondsWithTheStatusAndHeadersThatKeepTheTokenPrivate() {
        var response = CustomerPages.respond(pages().refused(Refusal.ALREADY_USED, CustomerLanguage.ENGLISH));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeaderString("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(response.getHeaderString("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    }
}
