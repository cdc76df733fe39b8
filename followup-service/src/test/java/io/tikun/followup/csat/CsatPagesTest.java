package io.tikun.followup.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.CustomerPages.Page;
import io.tikun.followup.verification.PageFixtures;

class CsatPagesTest {

    private static final String ENGLISH_LINE = "<span class=\"en\" lang=\"en\" dir=\"ltr\">";

    private static CsatPages pages(Optional<String> phone) {
        return new CsatPages(PageFixtures.templates(phone));
    }

    private static String ask(CustomerLanguage language, String about) {
        return pages(Optional.empty()).ask(CsatAnswer.ready("TK-000088", about, language), "v1.survey-token").html();
    }

    @Test
    void asksAnArabicCustomerRightToLeftInArabicWithTheScoresInALabelledFieldset() {
        String html = ask(CustomerLanguage.ARABIC, "تعطّل السخّان");

        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "كيف كانت خدمتنا؟",
                ENGLISH_LINE + "How did we do?</span>", "<fieldset>",
                "<legend>تقييمك: 1 = سيئ جدًا، 5 = ممتاز " + ENGLISH_LINE
                        + "Your rating: 1 = very poor, 5 = excellent</span></legend>",
                "<label class=\"score\"><input type=\"radio\" name=\"score\" value=\"1\" required> 1</label>",
                "name=\"score\" value=\"5\"", "</fieldset>", "<label class=\"field\" for=\"comment\">", "إرسال",
                "<form method=\"post\" action=\"csat\" accept-charset=\"UTF-8\">", "TK-000088", "تعطّل السخّان");
    }

    @Test
    void asksARussianCustomerLeftToRightInRussian() {
        assertThat(ask(CustomerLanguage.RUSSIAN, "Сломался обогреватель")).contains("<html lang=\"ru\" dir=\"ltr\">",
                "Как мы справились?", "Ваша оценка: 1 — очень плохо, 5 — отлично", "Отправить",
                ENGLISH_LINE + "Send</span>");
    }

    @Test
    void asksAHebrewCustomerRightToLeftAndAnEnglishOneInEnglishOnly() {
        assertThat(ask(CustomerLanguage.HEBREW, "x")).contains("<html lang=\"he\" dir=\"rtl\">", "איך היה הטיפול?");
        assertThat(ask(CustomerLanguage.ENGLISH, "x")).contains("<html lang=\"en\" dir=\"ltr\">", "How did we do?")
                .doesNotContain(ENGLISH_LINE);
    }

    @Test
    void escapesWhatIsRated() {
        assertThat(ask(CustomerLanguage.ARABIC, "<script>alert('x')</script>"))
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void thanksInTheCustomersLanguage() {
        assertThat(pages(Optional.empty()).thanks(CsatAnswer.recorded("TK-1", "x", 4, CustomerLanguage.RUSSIAN))
                .html()).contains("<html lang=\"ru\" dir=\"ltr\">", "Ваша оценка сохранена",
                        "Your rating was recorded");
    }

    @ParameterizedTest
    @CsvSource({ "MALFORMED,400,This link is incomplete", "TAMPERED,400,This link is not valid",
            "WRONG_LINK,400,This link is for another page", "EXPIRED,410,This survey has closed",
            "ALREADY_USED,409,You already rated us", "ALREADY_RATED,409,You already rated us",
            "UNKNOWN_COMMITMENT,404,We cannot find this request", "NO_SCORE,400,Please choose a rating" })
    void explainsEveryRefusalWithItsStatusInEveryLanguage(CsatRefusal refusal, int status, String title) {
        for (CustomerLanguage language : CustomerLanguage.values()) {
            Page page = pages(Optional.empty()).refused(refusal, language);

            assertThat(page.status()).as(language.code()).isEqualTo(status);
            assertThat(page.html()).as(language.code())
                    .contains("<html lang=\"" + language.code() + "\" dir=\"" + language.direction() + "\">", title);
        }
    }

    @Test
    void aRefusalOffersTheEMailAndThePhoneExceptWhenOnlyTheScoreIsMissing() {
        CsatPages pages = pages(Optional.of("*2040"));

        assertThat(pages.refused(CsatRefusal.EXPIRED, CustomerLanguage.RUSSIAN).html()).contains("Опрос закрыт",
                "или позвоните нам по номеру <a href=\"tel:*2040\" dir=\"ltr\">*2040</a>.", "Nothing was recorded");
        assertThat(pages.refused(CsatRefusal.NO_SCORE, CustomerLanguage.RUSSIAN).html())
                .contains("Пожалуйста, выберите оценку").doesNotContain("Nothing was recorded", "tel:");
    }

    @Test
    void saysSomethingWentWrongWith503() {
        Page page = pages(Optional.empty()).unavailable(CustomerLanguage.HEBREW);

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.html()).contains("<html lang=\"he\" dir=\"rtl\">", "הדירוג לא נשמר",
                "Your rating was not recorded");
    }
}
