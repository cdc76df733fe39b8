package io.tikun.intake.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds listed phrases (one or more words) in an analyzed text, word by word: a phrase's words must follow one
 * another, each in any of its readings (so "מכונת כביסה" matches "במכונת הכביסה"). Built once; read by many threads.
 *
 * @param <T> what a phrase stands for (a product, a category)
 */
final class PhraseIndex<T> {

    /** A phrase found: what it stands for, the words as the customer wrote them, where, and the phrase as listed. */
    record Hit<T>(T owner, String evidence, int position, List<String> terms) {
    }

    private record Phrase<T>(List<String> terms, T owner) {
    }

    private final Map<String, List<Phrase<T>>> byFirstTerm = new HashMap<>();

    /** Adds a phrase as written in a resource file; false when it has no words at all (punctuation only). */
    boolean add(String phrase, T owner, TextAnalyzer analyzer) {
        List<String> terms = analyzer.terms(phrase);
        if (terms.isEmpty()) {
            return false;
        }
        byFirstTerm.computeIfAbsent(terms.get(0), first -> new ArrayList<>()).add(new Phrase<>(terms, owner));
        return true;
    }

    /** Every occurrence of every phrase, in the order of the text. */
    List<Hit<T>> find(AnalyzedText text) {
        List<Hit<T>> hits = new ArrayList<>();
        int count = text.tokens().size();
        for (int at = 0; at < count; at++) {
            for (String reading : text.readings().get(at)) {
                for (Phrase<T> phrase : byFirstTerm.getOrDefault(reading, List.of())) {
                    int length = phrase.terms().size();
                    if (at + length <= count && restFollows(phrase, text, at)) {
                        hits.add(new Hit<>(phrase.owner(), text.quote(at, at + length - 1), at, phrase.terms()));
                    }
                }
            }
        }
        return hits;
    }

    private static boolean restFollows(Phrase<?> phrase, AnalyzedText text, int at) {
        for (int i = 1; i < phrase.terms().size(); i++) {
            if (!text.readings().get(at + i).contains(phrase.terms().get(i))) {
                return false;
            }
        }
        return true;
    }
}
