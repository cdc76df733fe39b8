package io.tikun.intake.classification;

import java.util.List;

/** A complaint's text read once: the original, its words, and every reading of each word without a Hebrew prefix. */
record AnalyzedText(String text, List<Token> tokens, List<List<String>> readings) {

    static AnalyzedText of(String text, TextAnalyzer analyzer, HebrewPrefixes prefixes) {
        List<Token> tokens = analyzer.tokens(text);
        return new AnalyzedText(text, tokens, tokens.stream().map(t -> prefixes.readings(t.term())).toList());
    }

    /** What the customer wrote from the word at {@code first} to the one at {@code last}, as evidence. */
    String quote(int first, int last) {
        return text.substring(tokens.get(first).start(), tokens.get(last).end());
    }
}
