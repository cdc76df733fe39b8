package io.tikun.intake.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SeverityLexiconTest {

    private static final SeverityLexicon LEXICON = SeverityLexicon.of(List.of(
            signal("LEGAL_THREAT", Severity.CRITICAL, List.of("lawsuit", "sue", "take you to court"), List.of("תביעה")),
            signal("SAFETY", Severity.CRITICAL, List.of("fire", "smoke"), List.of("שריפה")),
            signal("CHURN_INTENT", Severity.HIGH, List.of("cancel", ""), List.of("לבטל"))));

    @Test
    void matchesLatinTermsOnlyAsWholeWords() {
        assertThat(LEXICON.match("This issue with the suede sofa; fire2 and bonfire are fine.")).isEmpty();
        assertThat(LEXICON.match("I will SUE you.")).extracting(SeverityReason::evidence).containsExactly("sue");
        assertThat(LEXICON.match("sue")).extracting(SeverityReason::signal).containsExactly("LEGAL_THREAT");
        assertThat(LEXICON.match("(fire)")).extracting(SeverityReason::signal).containsExactly("SAFETY");
    }

    @Test
    void matchesHebrewTermsBehindAttachedPrefixes() {
        assertThat(LEXICON.match("אני מגיש ותביעה ואז אני רוצה לבטל"))
                .extracting(SeverityReason::signal, SeverityReason::evidence)
                .containsExactly(Tuple.tuple("LEGAL_THREAT", "תביעה"),
                        Tuple.tuple("CHURN_INTENT", "לבטל"));
        assertThat(LEXICON.match("כשהייתה השריפה")).extracting(SeverityReason::signal).containsExactly("SAFETY");
    }

    @Test
    void reportsEachSignalOnceWithItsFirstTermInTheLexiconsOrder() {
        // "sue" comes first in the text, "lawsuit" first in the lexicon: the lexicon's order decides the evidence.
        List<SeverityReason> reasons = LEXICON.match("Smoke everywhere. I'll sue, a lawsuit, and I'll take you to court.");

        assertThat(reasons).extracting(SeverityReason::signal).containsExactly("LEGAL_THREAT", "SAFETY");
        assertThat(reasons).extracting(SeverityReason::evidence).containsExactly("lawsuit", "smoke");
        assertThat(reasons).extracting(SeverityReason::implies).containsOnly(Severity.CRITICAL);
    }

    @Test
    void matchesPhrasesAndIgnoresAnEmptyTerm() {
        assertThat(LEXICON.match("Or I TAKE YOU TO COURT!")).extracting(SeverityReason::evidence)
                .containsExactly("take you to court");
        assertThat(LEXICON.match("A calm question about my invoice.")).isEmpty();
        assertThat(LEXICON.match("")).isEmpty();
    }

    private static SeverityLexicon.Signal signal(String code, Severity implies, List<String> english,
            List<String> hebrew) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        terms.put("en", english);
        terms.put("he", hebrew);
        return new SeverityLexicon.Signal(code, implies, terms);
    }
}
