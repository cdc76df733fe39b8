package io.tikun.intake.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The prefixes Hebrew glues to the front of a word (ו, ה, ב, ל, מ, ש, כ and their combinations, such as וכש, ומה, שב)
 * and how a word is read without them. A word is only ever compared with the catalogue and the lexicons, in every
 * reading, so a prefix is cut only where what remains is a term someone listed; the minimum stem and the words that
 * are never cut ("מחשבון" is a calculator, not "from a bill") keep real words whole.
 */
final class HebrewPrefixes {

    /**
     * The prefixes, minimum stem, never-cut words and known words as {@code classification/hebrew-prefixes.json} lists
     * them. A known word ("לקוחות", "לכבוד", "התקנה") is whole as written when words are counted ({@link #stem}), and a
     * prefixed word whose remainder is one is cut to it; the classifier's readings still try every cut.
     */
    record Rules(List<String> prefixes, int minimumStem, List<String> notPrefixed, List<String> words) {

        Rules {
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
            notPrefixed = notPrefixed == null ? List.of() : List.copyOf(notPrefixed);
            words = words == null ? List.of() : List.copyOf(words);
        }

        Rules(List<String> prefixes, int minimumStem, List<String> notPrefixed) {
            this(prefixes, minimumStem, notPrefixed, List.of());
        }
    }

    private final List<String> prefixes;
    private final int minimumStem;
    private final Set<String> notPrefixed;
    private final Set<String> words;

    HebrewPrefixes(Rules rules, TextAnalyzer analyzer) {
        for (String prefix : rules.prefixes()) {
            if (prefix.isBlank() || !prefix.codePoints().allMatch(HebrewPrefixes::isHebrewLetter)) {
                throw new IllegalArgumentException("the prefix \"" + prefix + "\" is not made of Hebrew letters");
            }
        }
        if (rules.minimumStem() < 2) {
            throw new IllegalArgumentException("minimumStem is " + rules.minimumStem() + "; it must be at least 2, "
                    + "or one-letter remains would match");
        }
        // Longest first: "ומה" is tried before "ומ" and "ו"; every reading is kept, the order only makes it stable.
        this.prefixes = rules.prefixes().stream().map(p -> String.join("", analyzer.terms(p))).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        this.minimumStem = rules.minimumStem();
        this.notPrefixed = rules.notPrefixed().stream().map(w -> String.join("", analyzer.terms(w)))
                .collect(Collectors.toUnmodifiableSet());
        this.words = rules.words().stream().map(w -> String.join("", analyzer.terms(w)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The word as written, then each reading of it without a prefix, longest prefix first. */
    List<String> readings(String term) {
        if (term.isEmpty() || !isHebrewLetter(term.codePointAt(0)) || notPrefixed.contains(term)) {
            return List.of(term);
        }
        List<String> readings = new java.util.ArrayList<>(3);
        readings.add(term);
        for (String prefix : prefixes) {
            if (term.startsWith(prefix) && term.length() - prefix.length() >= minimumStem) {
                readings.add(term.substring(prefix.length()));
            }
        }
        return readings;
    }

    /**
     * The word without every prefix it could carry, never shorter than {@code minimumLength} (nor the minimum stem):
     * the one reading under which words nobody listed are counted, so "והמקרר", "המקרר" and "מקרר" are one word. Every
     * prefix is a run of the single-letter ones, so cutting the longest one that leaves enough, again and again, reads
     * a prefixed word and its bare form alike. A known word is not cut ("לקוחות" stays, not "קוחות"), and where one cut
     * leaves a known word that cut is taken ("ולקוחות" is "לקוחות").
     */
    String stem(String term, int minimumLength) {
        int floor = Math.max(minimumStem, minimumLength);
        String word = term;
        while (!word.isEmpty() && isHebrewLetter(word.codePointAt(0)) && !notPrefixed.contains(word)
                && !words.contains(word)) {
            String shorter = null;
            for (String prefix : prefixes) {
                if (word.startsWith(prefix) && word.length() - prefix.length() >= floor) {
                    String rest = word.substring(prefix.length());
                    if (words.contains(rest) || notPrefixed.contains(rest)) {
                        return rest;
                    }
                    if (shorter == null) {
                        shorter = rest;
                    }
                }
            }
            if (shorter == null) {
                return word;
            }
            word = shorter;
        }
        return word;
    }

    private static boolean isHebrewLetter(int codePoint) {
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HEBREW;
    }
}
