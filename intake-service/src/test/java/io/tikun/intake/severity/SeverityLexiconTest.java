package io.tikun.intake.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        return new SeverityLexicon.Signal(code, implies, terms, Map.of());
    }

    private static SeverityLexicon.Signal patterns(String code, List<String> english, String... patterns) {
        return new SeverityLexicon.Signal(code, Severity.MEDIUM, Map.of("en", english), Map.of("en", List.of(patterns)));
    }

    @Test
    void reportsTheTextAPatternMatchedWithItsSpacesCollapsed() {
        SeverityLexicon lexicon = SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "waited\\s+\\d+\\s+weeks")));

        assertThat(lexicon.match("I have WAITED 3\n   weeks!")).containsExactly(
                new SeverityReason("LONG_WAIT", Severity.MEDIUM, "waited 3 weeks"));
    }

    @Test
    void matchesPatternsOnlyAsWholeWords() {
        SeverityLexicon lexicon = SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "\\d+\\s+weeks")));

        assertThat(lexicon.match("13 weeks")).extracting(SeverityReason::evidence).containsExactly("13 weeks");
        assertThat(lexicon.match("a3 weeks, 3 weeksend")).isEmpty();
        // an emoji is no letter: the pattern may start right after it
        assertThat(lexicon.match("😡3 weeks")).extracting(SeverityReason::evidence).containsExactly("3 weeks");
    }

    @Test
    void prefersATermToAPatternAndTheFirstPatternInTheLexiconsOrderToALaterOne() {
        SeverityLexicon lexicon = SeverityLexicon.of(List.of(
                patterns("LONG_WAIT", List.of("forever"), "\\d+\\s+months", "\\d+\\s+weeks")));

        assertThat(lexicon.match("3 weeks, then 2 months, then forever")).extracting(SeverityReason::evidence)
                .containsExactly("forever");
        assertThat(lexicon.match("3 weeks, then 2 months, then 5 months")).extracting(SeverityReason::evidence)
                .containsExactly("2 months");
    }

    @Test
    void triesAPatternThatLooksBehindWhereverAWordBegins() {
        // A one-character probe cannot tell where such a pattern starts: it must not be skipped.
        SeverityLexicon lexicon = SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(),
                "(?<=still\\s)waiting")));

        assertThat(lexicon.match("I am still waiting")).extracting(SeverityReason::evidence).containsExactly("waiting");
        assertThat(lexicon.match("I am waiting")).isEmpty();
    }

    @Test
    void expandsTheFragmentsAPatternNames() {
        SeverityLexicon lexicon = SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "over\\s+{unit}")),
                Map.of("unit", "a\\s+month|two\\s+weeks"));

        assertThat(lexicon.match("Over two weeks now")).extracting(SeverityReason::evidence)
                .containsExactly("over two weeks");
    }

    @Test
    void refusesAPatternThatCannotBeCompiledOrNamesAnUnknownFragmentOrHasACapital() {
        assertThatThrownBy(() -> SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "(weeks"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LONG_WAIT")
                .hasMessageContaining("(weeks");
        assertThatThrownBy(() -> SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "over\\s+{unit}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
        assertThatThrownBy(() -> SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "Three\\s+weeks"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower case");
        // capitals in escapes and named classes are syntax
        assertThat(SeverityLexicon.of(List.of(patterns("LONG_WAIT", List.of(), "\\p{L}+\\S*\\s+weeks")))
                .match("many weeks")).hasSize(1);
    }
}
