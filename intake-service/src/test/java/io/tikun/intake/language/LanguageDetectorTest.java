package io.tikun.intake.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SAMPLE_CHARS = 2000;
    private static final LanguageDetector DETECTOR = new LanguageDetector(SAMPLE_CHARS);

    @BeforeAll
    static void loadModels() {
        DETECTOR.build();
    }

    private static String detect(String text) {
        return DETECTOR.detect(text).await().atMost(WAIT);
    }

    @Test
    void detectsHebrewEnglishArabicAndRussianAsIsoCodes() {
        assertThat(detect("המזגן שקניתי לפני שבוע הפסיק לעבוד ואף אחד לא חוזר אליי")).isEqualTo("he");
        assertThat(detect("The air conditioner I bought last week stopped working and nobody calls back")).isEqualTo("en");
        assertThat(detect("الفاتورة خاطئة، تم خصم المبلغ مرتين")).isEqualTo("ar");
        assertThat(detect("Счёт неверный, деньги списали дважды")).isEqualTo("ru");
    }

    @Test
    void goesByTheMainLanguageOfMixedText() {
        assertThat(detect("Subject: חשבונית\nשלום, חויבתי פעמיים על אותה הזמנה ואני מבקש החזר מיידי")).isEqualTo("he");
        assertThat(detect("Order TK-000042: my refund for the iPhone 15 never arrived, שלום")).isEqualTo("en");
    }

    @Test
    void leavesTextWithoutLettersUndetermined() {
        assertThat(detect("😡😡😡 💳💳")).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(detect("054-1234567 !!!")).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(detect("")).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void detectsFromTheOpeningOfAVeryLongText() {
        String longHebrew = "החבילה לא הגיעה. ".repeat(5_000) + "the end";

        assertThat(detect(longHebrew)).isEqualTo("he");
    }
}
