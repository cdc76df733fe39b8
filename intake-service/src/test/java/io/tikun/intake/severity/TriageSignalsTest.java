package io.tikun.intake.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The harms issue 13 found judged LOW with no reason (a double charge, a refund not received after a month, an
 * appliance failing again under an extended warranty), read by the lexicon operators ship, in the customers' words.
 */
class TriageSignalsTest {

    private static final SeverityRules RULES = new SeverityRules(10_000, Duration.ofDays(30), 2, Severity.HIGH,
            Severity.MEDIUM, Severity.HIGH, Set.of(), Severity.HIGH);

    private final SeverityJudge judge = new SeverityJudge(
            SeverityLexicon.fromClasspath(SeverityJudge.LEXICON, new ObjectMapper()), RULES);

    private SeverityAssessment judge(String text) {
        return judge.judge("", text);
    }

    @Test
    void aDoubleChargeIsFinancialHarmAtMediumWithThePhraseAsEvidence() {
        SeverityAssessment english = judge("I was charged twice for the same order");
        SeverityAssessment hebrew = judge("שלום, חויבתי פעמיים על אותה הזמנה");

        assertThat(english.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(english.reasons()).containsExactly(
                new SeverityReason("FINANCIAL_HARM", Severity.MEDIUM, "charged twice"));
        assertThat(hebrew.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hebrew.reasons()).containsExactly(
                new SeverityReason("FINANCIAL_HARM", Severity.MEDIUM, "חויבתי פעמיים"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            There is a billing error on my last invoice.           | billing error
            You charged us for a service we never ordered.         | charged us for a service we never ordered
            My refund hasn't arrived.                              | refund hasn't arrived
            והם חייבו אותי פעמיים על אותו מנוי                     | חייבו אותי פעמיים
            החשבונית שקיבלתי שגויה                                 | החשבונית שקיבלתי שגויה
            الفاتورة خاطئة، تم خصم المبلغ مرتين                     | خصم المبلغ مرتين
            С карты списали дважды                                 | списали дважды
            """)
    void billingErrorsAndUnpaidRefundsAreFinancialHarmInEachLanguage(String text, String evidence) {
        SeverityAssessment assessment = judge(text);

        assertThat(assessment.reasons()).extracting(SeverityReason::signal, SeverityReason::evidence)
                .contains(Tuple.tuple("FINANCIAL_HARM", evidence));
        assertThat(assessment.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aRefundNotReceivedAfterAMonthIsFinancialHarmAndALongWaitAndStaysMedium() {
        // Two MEDIUM signals do not add up: the judge keeps the highest, and both reasons.
        SeverityAssessment english = judge("I still have not received my refund after a month");
        SeverityAssessment hebrew = judge("לא קיבלתי החזר כבר חודש");

        assertThat(english.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(english.reasons()).containsExactly(
                new SeverityReason("FINANCIAL_HARM", Severity.MEDIUM, "not received my refund"),
                new SeverityReason("LONG_WAIT", Severity.MEDIUM, "after a month"));
        assertThat(hebrew.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hebrew.reasons()).containsExactly(
                new SeverityReason("FINANCIAL_HARM", Severity.MEDIUM, "לא קיבלתי החזר"),
                new SeverityReason("LONG_WAIT", Severity.MEDIUM, "כבר חודש"));
    }

    @Test
    void anApplianceFailingAgainUnderAWarrantyWeRefuseIsRepeatedFailureAndWarrantyNotHonoured() {
        SeverityAssessment english = judge("the washing machine broke again for the third time, it is under extended "
                + "warranty and you refuse to fix it");
        SeverityAssessment hebrew = judge("המכונה התקלקלה שוב בפעם השלישית ואתם לא מכבדים את האחריות");

        assertThat(english.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(english.reasons()).containsExactly(
                new SeverityReason("REPEATED_FAILURE", Severity.MEDIUM, "for the third time"),
                new SeverityReason("WARRANTY_NOT_HONOURED", Severity.MEDIUM, "extended warranty and you refuse to fix"));
        assertThat(hebrew.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hebrew.reasons()).containsExactly(
                new SeverityReason("REPEATED_FAILURE", Severity.MEDIUM, "בפעם השלישית"),
                new SeverityReason("WARRANTY_NOT_HONOURED", Severity.MEDIUM, "לא מכבדים את האחריות"));
    }

    @Test
    void findsHebrewSignalsBehindAttachedPrefixes() {
        SeverityAssessment assessment = judge("המקרר התקלקל שוב והאחריות לא מכובדת, וכבר חודש שאין לי מקרר");

        assertThat(assessment.reasons()).extracting(SeverityReason::signal, SeverityReason::evidence).containsExactly(
                Tuple.tuple("REPEATED_FAILURE", "התקלקל שוב"),
                Tuple.tuple("LONG_WAIT", "וכבר חודש"),
                Tuple.tuple("WARRANTY_NOT_HONOURED", "והאחריות לא מכובדת"));
        assertThat(judge("ממתין להחזר כבר יותר מחודש").reasons()).extracting(SeverityReason::evidence)
                .containsExactly("כבר יותר מחודש");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I have been waiting 3 weeks for the technician.                 | waiting 3 weeks
            It's been three weeks and still nothing.                        | been three weeks
            Over a month and no answer from you.                            | over a month and no
            I ordered it three weeks ago and it still hasn't arrived.       | three weeks ago
            It has now been 21 days.                                        | been 21 days
            Third week without hot water.                                   | third week without
            אני מחכה חודשיים לטכנאי                                         | מחכה חודשיים
            כבר שלושה שבועות שאין לי מים חמים                               | כבר שלושה שבועות
            שלושה שבועות שאני מחכה להחזר                                    | שלושה שבועות שאני מחכה
            הזמנתי לפני חודש ועדיין לא הגיע                                 | חודש ועדיין
            طلبت المنتج قبل أسبوعين ولم يصل حتى الآن                          | قبل أسبوعين
            Жду уже три недели                                              | уже три недели
            """)
    void aNumberOfWeeksOrMonthsSpentWaitingIsALongWait(String text, String evidence) {
        SeverityAssessment assessment = judge(text);

        assertThat(assessment.reasons()).containsExactly(new SeverityReason("LONG_WAIT", Severity.MEDIUM, evidence));
        assertThat(assessment.severity()).isEqualTo(Severity.MEDIUM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The washing machine you repaired last week is leaking again.    | leaking again
            This is the third time the technician did not show up.          | this is the third time
            I have called four times and nobody knows.                      | called four times
            הדוד שוב לא עובד אחרי התיקון.                                   | שוב לא עובד
            זו הפעם השלישית שהמשלוח מתעכב                                   | הפעם השלישית
            ביקשתי טכנאי כבר פעמיים                                         | כבר פעמיים
            الثلاجة تعطلت مرة أخرى                                          | تعطلت مرة أخرى
            Посудомоечная машина опять сломалась                            | опять сломалась
            """)
    void theSameFailureAgainIsARepeatedFailure(String text, String evidence) {
        SeverityAssessment assessment = judge(text);

        assertThat(assessment.reasons()).containsExactly(
                new SeverityReason("REPEATED_FAILURE", Severity.MEDIUM, evidence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            They say it isn't covered by the warranty.                      | isn't covered by the warranty
            Your technician refused to honour my service contract.          | refused to honour my service contract
            My warranty claim was rejected.                                 | warranty claim was rejected
            יש לי אחריות מורחבת והם מסרבים לתקן                             | אחריות מורחבת והם מסרבים
            טוענים שזה לא מכוסה באחריות                                     | לא מכוסה באחריות
            يرفضون الإصلاح رغم الضمان                                        | رغم الضمان
            Отказываются ремонтировать по гарантии                          | отказываются ремонтировать по гарантии
            """)
    void aWarrantyOrServiceContractWeDoNotHonourIsSaidSo(String text, String evidence) {
        SeverityAssessment assessment = judge(text);

        assertThat(assessment.reasons()).containsExactly(
                new SeverityReason("WARRANTY_NOT_HONOURED", Severity.MEDIUM, evidence));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Once again, thank you for your help.",
            "Please check again, nothing arrived in my account.",
            "My warranty card is attached.",
            "Could you repair it under the warranty?",
            "Thanks for honouring the warranty so quickly.",
            "I don't know whether the warranty covers this.",
            "It has a 12 month warranty.",
            "I pay 200 a month for the plan.",
            "I bought it a month ago and the door squeaks.",
            "The blender stopped after 5 weeks.",
            "I want a refund for the broken lamp.",
            "שוב תודה על העזרה",
            "לא קיבלתי תשובה, זה חשוב לי",
            "קיבלתי שובר זיכוי",
            "אני משלם 200 ש\"ח בחודש",
            "החשבונית של חודש אוקטובר הגיעה",
            "קניתי לפני חודש והמכשיר התקלקל",
            "אתם לא לוקחים אחריות על כלום",
            "ההחזר יבוצע תוך 14 יום" })
    void leavesAlikeSoundingHarmlessSentencesAlone(String text) {
        SeverityAssessment assessment = judge(text);

        assertThat(assessment.reasons()).as(text).isEmpty();
        assertThat(assessment.severity()).isEqualTo(Severity.LOW);
    }
}
