package io.tikun.intake.severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Words and phrases that signal severity, per language, as an operator maintains them in
 * {@code severity/lexicon.json}. Latin-script terms match whole words; Hebrew terms match inside
 * a word too, since Hebrew glues prepositions and conjunctions to the front of words.
 * <p>
 * A text is read once for the whole lexicon: at each position only the terms starting with that
 * character are compared. A signal's evidence is its first term, in the lexicon's order, that occurs.
 */
public final class SeverityLexicon {

    /** A named signal, the severity it implies and its terms by language code. */
    public record Signal(String code, Severity implies, Map<String, List<String>> terms) {
    }

    /** One lower-cased term of the signal at {@code signal}, {@code rank}-th of its terms in the lexicon's order. */
    private record Term(String text, boolean wholeWord, int signal, int rank) {
    }

    private record Document(List<Signal> signals) {
    }

    private static final Term[] NONE = new Term[0];

    private final List<Signal> signals;
    /** Each signal's terms in the lexicon's order, lower-cased: the evidence a match reports. */
    private final List<List<String>> termsBySignal;
    private final Map<Character, Term[]> byFirstChar;

    private SeverityLexicon(List<Signal> signals) {
        this.signals = List.copyOf(signals);
        this.termsBySignal = signals.stream().map(signal -> signal.terms().values().stream().flatMap(List::stream)
                .map(term -> term.toLowerCase(Locale.ROOT)).toList()).toList();
        Map<Character, List<Term>> index = new HashMap<>();
        for (int signal = 0; signal < termsBySignal.size(); signal++) {
            List<String> terms = termsBySignal.get(signal);
            for (int rank = 0; rank < terms.size(); rank++) {
                String term = terms.get(rank);
                if (!term.isEmpty()) {
                    index.computeIfAbsent(term.charAt(0), first -> new ArrayList<>())
                            .add(new Term(term, !isHebrew(term), signal, rank));
                }
            }
        }
        this.byFirstChar = new HashMap<>();
        index.forEach((first, terms) -> byFirstChar.put(first, terms.toArray(NONE)));
    }

    public static SeverityLexicon fromClasspath(String resource, ObjectMapper mapper) {
        try (InputStream in = SeverityLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("severity lexicon " + resource + " is not on the classpath");
            }
            List<Signal> signals = mapper.readValue(in, Document.class).signals();
            // Consumers know the signals from the contract's enum: a code of the operator's own would reach them
            // unannounced, so the service refuses to start with it.
            for (Signal signal : signals) {
                if (Arrays.stream(SignalCode.values()).noneMatch(code -> code.name().equals(signal.code()))) {
                    throw new IllegalStateException("severity lexicon " + resource + " uses the signal " + signal.code()
                            + ", which is not one of " + Arrays.toString(SignalCode.values()));
                }
            }
            return new SeverityLexicon(signals);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable severity lexicon " + resource, e);
        }
    }

    public static SeverityLexicon of(List<Signal> signals) {
        return new SeverityLexicon(signals);
    }

    /** Every signal whose terms occur in {@code text}, with its first term that occurs as evidence. */
    public List<SeverityReason> match(String text) {
        String normalized = text.toLowerCase(Locale.ROOT);
        int[] best = new int[signals.size()];
        Arrays.fill(best, Integer.MAX_VALUE);
        for (int at = 0; at < normalized.length(); at++) {
            Term[] candidates = byFirstChar.getOrDefault(normalized.charAt(at), NONE);
            for (Term term : candidates) {
                if (term.rank() < best[term.signal()] && occursAt(normalized, at, term)) {
                    best[term.signal()] = term.rank();
                }
            }
        }
        List<SeverityReason> reasons = new ArrayList<>();
        for (int signal = 0; signal < best.length; signal++) {
            if (best[signal] != Integer.MAX_VALUE) {
                Signal matched = signals.get(signal);
                reasons.add(new SeverityReason(matched.code(), matched.implies(),
                        termsBySignal.get(signal).get(best[signal])));
            }
        }
        return List.copyOf(reasons);
    }

    /** Whether the term stands at {@code at}: a whole word unless it is Hebrew (no letter or digit right before or after). */
    private static boolean occursAt(String text, int at, Term term) {
        if (!text.startsWith(term.text(), at)) {
            return false;
        }
        if (!term.wholeWord()) {
            return true;
        }
        int end = at + term.text().length();
        return (at == 0 || !isLetterOrNumber(text.codePointBefore(at)))
                && (end == text.length() || !isLetterOrNumber(text.codePointAt(end)));
    }

    private static boolean isLetterOrNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isHebrew(String term) {
        return term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HEBREW);
    }
}
