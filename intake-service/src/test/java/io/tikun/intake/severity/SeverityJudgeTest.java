package io.tikun.intake.severity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SeverityJudgeTest {

    private static final long WIDE_REACH = 10_000;

    private final SeverityJudge judge = new SeverityJudge(
            SeverityLexicon.fromClasspath(SeverityJudge.LEXICON, new ObjectMapper()), WIDE_REACH);

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
}
