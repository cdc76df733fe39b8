package io.tikun.intake.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

public class ComplaintClassifierTest {

    public static final ComplaintClassifier CLASSIFIER = new ComplaintClassifier(
            ComplaintClassifier.Files.of(new ObjectMapper(),
                    "classification/products.json", "classification/categories.json", "classification/order-numbers.json",
                    "classification/hebrew-prefixes.json"),
            4000);

    private static Classification classify(String body) {
        return CLASSIFIER.classify("", body);
    }

    private static String product(String body) {
        Classification.ProductMatch product = classify(body).product();
        return product == null ? null : product.id();
    }

    @Test
    void findsTheProductBehindHebrewPrefixes() {
        assertThat(classify("והמקרר שקניתי לפני חודש לא עובד").product().evidence()).containsExactly("והמקרר");
        assertThat(product("כשהמזגן נדלק יש ריח שרוף")).isEqualTo("air_conditioner");
        assertThat(product("קניתי מכם תנור וגם בתנור יש בעיה")).isEqualTo("oven");
        assertThat(product("ומהמדיח יוצאים מים")).isEqualTo("dishwasher");
        assertThat(product("שבמכונת הכביסה נתקע התוף")).isEqualTo("washing_machine");
    }

    @Test
    void readsEveryPrefixedFormOfAnUnlistedWordAsOneTerm() {
        assertThat(CLASSIFIER.terms("והמקרר המקרר מקרר במקרר וכשהמקרר", 4)).containsOnly("מקרר");
        // niqqud and the final letter are folded for reading, the final letter is given back for showing
        assertThat(CLASSIFIER.terms("הַמַּזְגָן והמזגנ מזגן", 4)).containsOnly("מזגן");
        assertThat(CLASSIFIER.terms("Leaking LEAKS leaked", 4)).containsOnly("leak");
    }

    @Test
    void keepsWordsThatOnlyLookPrefixedAndDropsShortOnesAndNumbers() {
        // "מחשבון" (a calculator) is never read as "from a bill"; a cut never leaves fewer letters than asked for
        assertThat(CLASSIFIER.terms("המחשבון מחשבון", 4)).containsOnly("מחשבון");
        assertThat(CLASSIFIER.terms("שלום", 4)).containsExactly("שלום");
        assertThat(CLASSIFIER.terms("דלת 8200 WM-8200 tv", 4)).isEmpty();
    }

    @Test
    void ignoresNiqqudAndFinalLetters() {
        assertThat(product("הַמְּקָרֵר שֶׁלִּי הִתְקַלְקֵל")).isEqualTo("refrigerator");
        assertThat(classify("הַמְּקָרֵר שֶׁלִּי הִתְקַלְקֵל").category()).isEqualTo("product_defect");
        // A final letter typed in the middle of a word, as careless typing on a phone does.
        assertThat(product("המזגנ לא מקרר")).isEqualTo("air_conditioner");
    }

    @Test
    void findsModelNumbersWithTheTextAsEvidence() {
        Classification classification = classify("The WM-8200 I bought stopped working after a week");
        assertThat(classification.product().id()).isEqualTo("washing_machine");
        assertThat(classification.product().evidence()).containsExactly("WM-8200");
        assertThat(product("דגם wm8200 לא סוחט")).isEqualTo("washing_machine");
        assertThat(classify("התקלה ב-RF-450X חוזרת").product().evidence()).containsExactly("RF-450X");
    }

    @Test
    void doesNotTakeModelNumbersInsideLongerCodes() {
        assertThat(product("tracking code XWM-82001 and serial ABWM-8200")).isNull();
    }

    @Test
    void mixedHebrewAndEnglishFindsBoth() {
        Classification classification = classify("ה-dishwasher שלי DW-600 דולף כבר שבוע");
        assertThat(classification.product().id()).isEqualTo("dishwasher");
        assertThat(classification.product().evidence()).contains("DW-600", "dishwasher");
        assertThat(classification.category()).isEqualTo("product_defect");
        assertThat(classification.categoryEvidence()).containsExactly("דולף");
    }

    @Test
    void aModelNumberOutweighsAPassingMention() {
        assertThat(product("Unlike my old fridge, the new WM-8200 washer leaks")).isEqualTo("washing_machine");
    }

    @Test
    void doesNotMatchLookAlikeWords() {
        // "דודה" is an aunt and "דוד כהן" a person, not a water heater ("דוד שמש").
        assertThat(product("דודה שלי ודוד כהן הזמינו אצלכם")).isNull();
        // Calling by phone says nothing about a smartphone.
        assertThat(product("התקשרתי בטלפון שלוש פעמים")).isNull();
        assertThat(product("I called you by phone twice")).isNull();
        // "מחשבון" is a calculator, not "from a bill".
        assertThat(classify("המחשבון באתר מראה סכום אחר").category()).isNotEqualTo("billing");
        // "מתנה" is a gift, not "המתנה" (waiting).
        assertThat(classify("קיבלתי מתנה יפה").category()).isEqualTo("other");
        // A phone charger is not a charge on the bill.
        assertThat(classify("The charger you sent is the wrong one").category()).isNotEqualTo("billing");
        // Latin words match whole: "ovenware" is not an oven, a hoverboard is not a hoover.
        assertThat(product("ovenware and a hoverboard")).isNull();
        // English plurals and tenses do match, through stemming.
        assertThat(product("both televisions died")).isEqualTo("television");
    }

    @Test
    void doesNotCutAPrefixThatLeavesTooShortAStem() {
        TextAnalyzer analyzer = new TextAnalyzer();
        HebrewPrefixes prefixes = new HebrewPrefixes(
                new HebrewPrefixes.Rules(java.util.List.of("ו", "ה", "וה"), 3, java.util.List.of("המון")), analyzer);
        assertThat(prefixes.readings("והמקרר")).containsExactly("והמקרר", "מקרר", "המקרר");
        assertThat(prefixes.readings("הגז")).containsExactly("הגז");
        assertThat(prefixes.readings("המונ")).containsExactly("המונ");
        assertThat(prefixes.readings("fridge")).containsExactly("fridge");
    }

    @Test
    void countsAKnownHebrewWordWholeInsteadOfCuttingItsFirstLetterAsAPrefix() {
        assertThat(CLASSIFIER.terms("לקוחות יקרים", 4)).contains("לקוחות").doesNotContain("קוחות");
        assertThat(CLASSIFIER.terms("לכבוד מחלקת השירות", 4)).contains("לכבוד").doesNotContain("כבוד");
        // a prefix before a known word is still cut, down to the word and no further
        assertThat(CLASSIFIER.terms("ולקוחות", 4)).containsExactly("לקוחות");
        assertThat(CLASSIFIER.terms("וההתקנה", 4)).containsExactly("התקנה");
        // a word nobody listed is still read without every prefix it could carry
        assertThat(CLASSIFIER.terms("והמקרר", 4)).containsExactly("מקרר");
    }

    @Test
    void cutsAPrefixOnlyWhereTheWordAsWrittenIsNotKnown() {
        HebrewPrefixes prefixes = new HebrewPrefixes(new HebrewPrefixes.Rules(java.util.List.of("ו", "ה", "ל", "וה"), 3,
                java.util.List.of(), java.util.List.of("לקוחות")), new TextAnalyzer());
        assertThat(prefixes.stem("לקוחות", 4)).isEqualTo("לקוחות");
        assertThat(prefixes.stem("ולקוחות", 4)).isEqualTo("לקוחות");
        assertThat(prefixes.stem("לבדיקה", 4)).as("not a known word: cut as before").isEqualTo("בדיקה");
        // the classifier's readings still try every cut, known word or not
        assertThat(prefixes.readings("לקוחות")).containsExactly("לקוחות", "קוחות");
    }

    @Test
    void choosesTheCategoryWhoseWordsOccurMost() {
        Classification classification = classify(
                "חויבתי פעמיים בכרטיס האשראי על אותה חשבונית, והשליח בכלל לא הגיע");
        assertThat(classification.category()).isEqualTo("billing");
        assertThat(classification.categoryEvidence()).contains("חויבתי", "האשראי", "חשבונית");
    }

    @Test
    void classifiesRealisticHebrewComplaints() {
        assertThat(classify("המשלוח שהובטח לי לפני שבועיים עדיין לא הגיע, והשליח לא עונה").category())
                .isEqualTo("delivery");
        assertThat(classify("ביטלתי את העסקה ועדיין לא קיבלתי את ההחזר הכספי").category()).isEqualTo("refund");
        assertThat(classify("הטכנאי לא הגיע לביקור שתואם, חיכיתי כל היום בבית").category())
                .isEqualTo("installation_or_visit");
        assertThat(classify("הנציגה הייתה גסת רוח וניתקה לי את השיחה").category()).isEqualTo("staff_behaviour");
        assertThat(classify("אני בהמתנה כבר שעה ואין מענה").category()).isEqualTo("waiting_time");
        assertThat(classify("המקרר התקלקל אחרי שבוע, הכל נשבר").category()).isEqualTo("product_defect");
    }

    @Test
    void classifiesRealisticEnglishComplaints() {
        assertThat(classify("My parcel was never delivered and the courier tracking says delivered").category())
                .isEqualTo("delivery");
        assertThat(classify("I was charged twice on my credit card for the same invoice").category())
                .isEqualTo("billing");
        assertThat(classify("Still waiting for my refund, I want my money back").category()).isEqualTo("refund");
        assertThat(classify("The technician missed the installation appointment").category())
                .isEqualTo("installation_or_visit");
        assertThat(classify("Your representative was rude and hung up on me").category()).isEqualTo("staff_behaviour");
        assertThat(classify("I have been on hold for an hour, waiting in the queue").category())
                .isEqualTo("waiting_time");
        assertThat(classify("The fridge is leaking and the freezer is faulty").category()).isEqualTo("product_defect");
    }

    @Test
    void classifiesArabicAndRussianStarterEntries() {
        assertThat(product("الثلاجة لا تعمل")).isEqualTo("refrigerator");
        assertThat(classify("Курьер не привёз посылку, доставка опоздала").category()).isEqualTo("delivery");
        assertThat(product("Мой холодильник сломался")).isEqualTo("refrigerator");
    }

    @Test
    void fallsBackToOtherWithoutEvidence() {
        Classification classification = classify("שלום, רציתי לשאול שאלה כללית");
        assertThat(classification.category()).isEqualTo("other");
        assertThat(classification.categoryEvidence()).isEmpty();
        assertThat(classification.product()).isNull();
        assertThat(classification.orderNumbers()).isEmpty();
    }

    @Test
    void findsOrderNumbersInEachFormat() {
        assertThat(classify("Regarding #12345678, please call").orderNumbers()).containsExactly("12345678");
        assertThat(classify("My order 1234-5678 never came").orderNumbers()).containsExactly("1234-5678");
        assertThat(classify("Order no. 99887766 and order #11223344").orderNumbers())
                .containsExactly("99887766", "11223344");
        assertThat(classify("לגבי הזמנה מס' 123456 שלא הגיעה").orderNumbers()).containsExactly("123456");
        assertThat(classify("בהזמנה מספר 7654321 חסר פריט").orderNumbers()).containsExactly("7654321");
        assertThat(classify("ההזמנה 55556666 וגם #55556666").orderNumbers()).containsExactly("55556666");
    }

    @Test
    void doesNotTakePhoneNumbersOrShortHashesForOrders() {
        assertThat(classify("call me at 054-1234567, it is my #1 priority, order soon").orderNumbers()).isEmpty();
        assertThat(classify("issue&#12345678 and A#12345678").orderNumbers()).isEmpty();
    }

    @Test
    void usesTheSubjectToo() {
        Classification classification = CLASSIFIER.classify("Refund for order 44556677", "Please help.");
        assertThat(classification.category()).isEqualTo("refund");
        assertThat(classification.orderNumbers()).containsExactly("44556677");
    }

    @Test
    void classifiesATypicalComplaintQuickly() {
        String complaint = "שלום, הזמנתי מכונת כביסה WM-8200 (הזמנה מס' 12345678). המשלוח הגיע באיחור של שבועיים,"
                + " והטכנאי שהגיע להתקנה אמר שהמכונה פגומה. אני מחכה להחזר כספי כבר חודש.";
        for (int i = 0; i < 2_000; i++) {
            CLASSIFIER.classify("", complaint);
        }
        int rounds = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            CLASSIFIER.classify("", complaint);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
        // Information only: a machine's speed is no assertion.
        System.out.printf("ComplaintClassifier: %.1f µs per complaint of %d characters%n", micros, complaint.length());
        assertThat(CLASSIFIER.classify("", complaint).orderNumbers()).containsExactly("12345678");
    }
}
