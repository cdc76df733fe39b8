package io.tikun.intake.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.customer.CustomerTier;

class SeverityJudgeTest {

    private static final long WIDE_REACH = 10_000;
    private static final int REPEAT_THRESHOLD = 2;
    private static final SeverityRules RULES = new SeverityRules(WIDE_REACH, Duration.ofDays(30), REPEAT_THRESHOLD,
            Severity.HIGH, Severity.MEDIUM, Severity.HIGH, Set.of("CEO@Tikun.test"), Severity.HIGH);

    private final SeverityJudge judge = new SeverityJudge(
            SeverityLexicon.fromClasspath(SeverityJudge.LEXICON, new ObjectMapper()), RULES);

    private static SeverityContext customer(long earlierComplaints, CustomerTier tier, List<String> recipients) {
        return new SeverityContext(Exposure.PRIVATE, earlierComplaints, tier, recipients);
    }

    @Test
    void raisesARepeatComplainerFromTheThresholdOnWithTheCountAsEvidence() {
        SeverityAssessment second = judge.judge("Late", "My parcel is late.", customer(1, CustomerTier.STANDARD, List.of()));
        SeverityAssessment third = judge.judge("Late", "My parcel is late.", customer(2, CustomerTier.STANDARD, List.of()));

        assertThat(second.severity()).isEqualTo(Severity.LOW);
        assertThat(third.severity()).isEqualTo(Severity.HIGH);
        assertThat(third.reasons()).containsExactly(
                new SeverityReason("REPEAT_COMPLAINTS", Severity.HIGH, "2 earlier complaints within 30 days"));
    }

    @Test
    void raisesGoldAndVipCustomersAsConfiguredButNotStandardOnes() {
        assertThat(judge.judge("Late", "Parcel late", customer(0, CustomerTier.STANDARD, List.of())).reasons()).isEmpty();
        assertThat(judge.judge("Late", "Parcel late", customer(0, CustomerTier.GOLD, List.of())).reasons())
                .containsExactly(new SeverityReason("CUSTOMER_VALUE", Severity.MEDIUM, "GOLD customer"));
        SeverityAssessment vip = judge.judge("Late", "Parcel late", customer(0, CustomerTier.VIP, List.of()));
        assertThat(vip.severity()).isEqualTo(Severity.HIGH);
        assertThat(vip.reasons()).extracting(SeverityReason::evidence).containsExactly("VIP customer");
    }

    @Test
    void raisesAMailSentOrCopiedToTheChiefExecutiveAddressInAnyCase() {
        SeverityAssessment copied = judge.judge("Late", "Parcel late",
                customer(0, CustomerTier.STANDARD, List.of("support@tikun.test", "ceo@TIKUN.test")));

        assertThat(copied.severity()).isEqualTo(Severity.HIGH);
        assertThat(copied.reasons()).containsExactly(
                new SeverityReason("CEO_ADDRESSED", Severity.HIGH, "sent to ceo@TIKUN.test"));
        assertThat(judge.judge("Late", "Parcel late", customer(0, CustomerTier.STANDARD, List.of("support@tikun.test")))
                .reasons()).isEmpty();
    }

    @Test
    void recognisesTheChiefExecutiveNamedInEnglishAndHebrewSpellings() {
        assertThat(judge.judge("Attn: CEO", "Please forward this.").reasons())
                .containsExactly(new SeverityReason("CEO_ADDRESSED", Severity.HIGH, "ceo"));
        for (String hebrew : List.of("אני פונה למנכ\"ל ישירות", "העברתי למנכ״ל", "כתבתי למנכל החברה")) {
            SeverityAssessment assessment = judge.judge("תלונה", hebrew);
            assertThat(assessment.reasons()).as(hebrew).extracting(SeverityReason::signal).containsExactly("CEO_ADDRESSED");
            assertThat(assessment.severity()).isEqualTo(Severity.HIGH);
        }
        // "herbaceous" contains "ceo" only inside a word
        assertThat(judge.judge("Refund", "We sell herbaceous plants only.").reasons()).isEmpty();
    }

    @Test
    void judgesEnglishLegalThreatCriticalWithEvidence() {
        SeverityAssessment assessment = judge.judge("Broken heater", "Fix it today or I will sue you.");

        assertThat(assessment.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(assessment.reasons()).containsExactly(new SeverityReason("LEGAL_THREAT", Severity.CRITICAL, "sue"));
    }

    @Test
    void judgesHebrewLegalThreatWithAttachedPrefixCritical() {
        // "ואתבע" = "and I will sue": the conjunction is glued to the verb.
        SeverityAssessment assessment = judge.judge("תקלה", "אם לא תחזירו לי את הכסף ואתבע אתכם");

        assertThat(assessment.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(assessment.reasons()).extracting(SeverityReason::signal).containsExactly("LEGAL_THREAT");
    }

    @Test
    void doesNotMistakeWordsContainingATermForTheTerm() {
        SeverityAssessment assessment = judge.judge("Billing issue", "There is an issue with my pursuit of a refund.");

        assertThat(assessment.severity()).isEqualTo(Severity.LOW);
        assertThat(assessment.reasons()).isEmpty();
    }

    @Test
    void judgesHebrewChurnIntentHigh() {
        SeverityAssessment assessment = judge.judge("שירות", "נמאס לי, אני עוזב אתכם החודש");

        assertThat(assessment.severity()).isEqualTo(Severity.HIGH);
        assertThat(assessment.reasons()).extracting(SeverityReason::signal)
                .containsExactlyInAnyOrder("CHURN_INTENT", "ANGER");
    }

    @Test
    void keepsEveryReasonWhenTheHighestWins() {
        SeverityAssessment assessment = judge.judge("Unacceptable",
                "This is unacceptable, I want to cancel, and my lawyer will hear about it.");

        assertThat(assessment.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(assessment.reasons()).extracting(SeverityReason::signal)
                .containsExactlyInAnyOrder("LEGAL_THREAT", "CHURN_INTENT", "ANGER");
    }

    @Test
    void judgesAPublicPostAtLeastMediumAndAWidelyFollowedOneHigh() {
        SeverityAssessment modest = judge.judge("", "The delivery is late", new Exposure(true, 120L));
        SeverityAssessment famous = judge.judge("", "The delivery is late", new Exposure(true, 250_000L));

        assertThat(modest.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(modest.reasons()).extracting(SeverityReason::signal).containsExactly("PUBLIC_EXPOSURE");
        assertThat(famous.severity()).isEqualTo(Severity.HIGH);
        assertThat(famous.reasons()).extracting(SeverityReason::evidence).contains("250000 followers");
    }

    @Test
    void judgesPlainComplaintLow() {
        assertThat(judge.judge("Late delivery", "My parcel is two days late.").severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void refusesALexiconWhoseSignalTheContractDoesNotKnow() {
        assertThatThrownBy(() -> SeverityLexicon.fromClasspath("severity/lexicon-unknown-signal.json", new ObjectMapper()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PRICE_GOUGING");
    }
}
