package io.tikun.intake.outbound.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPartsTest {

    @Test
    void aShortTextIsOnePart() {
        assertThat(TextParts.split("  Hello there  ", 100)).containsExactly("Hello there");
    }

    @Test
    void nothingGivesNoParts() {
        assertThat(TextParts.split(null, 10)).isEmpty();
        assertThat(TextParts.split("   ", 10)).isEmpty();
    }

    @Test
    void cutsBetweenWordsNotInsideThem() {
        assertThat(TextParts.split("alpha beta gamma delta", 11)).containsExactly("alpha beta", "gamma delta");
    }

    @Test
    void prefersAParagraphBreakInTheSecondHalfOfAPart() {
        assertThat(TextParts.split("First paragraph here.\n\nSecond one follows", 30))
                .containsExactly("First paragraph here.", "Second one follows");
    }

    @Test
    void cutsAWordLongerThanAPartOnlyBecauseItMust() {
        assertThat(TextParts.split("abcdefghij kl", 4)).containsExactly("abcd", "efgh", "ij", "kl");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "😀😀😀😀";
        assertThat(TextParts.split(emoji, 3)).containsExactly("😀😀😀", "😀");
    }

    @Test
    void countsHebrewOnceButCjkTwiceAsXDoes() {
        assertThat(TextParts.split("ש".repeat(280), 280, TextParts.X_WEIGHT)).hasSize(1);
        assertThat(TextParts.split("漢".repeat(141), 280, TextParts.X_WEIGHT)).hasSize(2);
    }

    @Test
    void fittingIntoOneMessageEndsWithAnEllipsisBetweenWords() {
        assertThat(TextParts.fit("alpha beta gamma", 12)).isEqualTo("alpha beta…");
        assertThat(TextParts.fit("alpha", 12)).isEqualTo("alpha");
    }
}
