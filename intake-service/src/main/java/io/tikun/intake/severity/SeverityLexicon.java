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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.text.PatternStarts;

/**
 * Words, phrases and patterns that signal severity, per language, as an operator maintains them in
 * {@code severity/lexicon.json}. Latin-script terms match whole words; Hebrew terms match inside
 * a word too, since Hebrew glues prepositions and conjunctions to the front of words.
 * <p>
 * Patterns are regular expressions over the lower-cased text (so written in lower case), for what a list of phrases cannot say,
 * such as a number
 * and a unit ("three weeks", "שלושה שבועות") after a word about waiting. A pattern matches whole words in every script
 * (no letter or digit right before or after it), so a Hebrew pattern spells out the prefixes it accepts. A pattern may
 * name a fragment the lexicon defines once, as {@code {duration_en}}.
 * <p>
 * A text is read once: at each position only the terms starting with that character are compared, and at the start
 * of a word only the patterns that can begin with its first character are tried. A signal's evidence is its first
 * term, in the lexicon's order, that occurs; else the text its first matching pattern matched first.
 */
public final class SeverityLexicon {

    /** A named signal, the severity it implies, and its terms and patterns by language code. */
    public record Signal(String code, Severity implies, Map<String, List<String>> terms,
            Map<String, List<String>> patterns) {

        public Signal {
            terms = terms == null ? Map.of() : terms;
            patterns = patterns == null ? Map.of() : patterns;
        }
    }

    /** One lower-cased term of the signal at {@code signal}, {@code rank}-th of its terms in the lexicon's order. */
    private record Term(String text, boolean wholeWord, int signal, int rank) {
    }

    /** One compiled pattern of the signal at {@code signal}, {@code rank}-th of its patterns in the lexicon's order. */
    private record LexiconPattern(Pattern regex, int signal, int rank) {
    }

    private record Document(List<Signal> signals, Map<String, String> fragments) {
    }

    private static final Term[] NONE = new Term[0];
    /** A fragment's name inside a pattern; a brace before a letter is no regular-expression syntax, so it is free. */
    private static final Pattern FRAGMENT = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");
    private static final String NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Escapes and named classes ({@code \\S}, {@code \\p{Lu}}), whose capitals are syntax, not text to find. */
    private static final Pattern ESCAPES = Pattern.compile("\\\\[pP]\\{[^}]*\\}|\\\\[pP][A-Za-z]|\\\\.");

    private final List<Signal> signals;
    /** Each signal's terms in the lexicon's order, lower-cased: the evidence a match reports. */
    private final List<List<String>> termsBySignal;
    private final Map<Character, Term[]> byFirstChar;
    private final List<LexiconPattern> patterns;
    /** Which patterns can begin on a character: only those are tried at the start of a word. */
    private final PatternStarts patternStarts;

    private SeverityLexicon(List<Signal> signals, Map<String, String> fragments) {
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
        List<LexiconPattern> compiled = new ArrayList<>();
        for (int signal = 0; signal < signals.size(); signal++) {
            Signal s = signals.get(signal);
            List<String> sources = s.patterns().values().stream().flatMap(List::stream).filter(p -> !p.isBlank())
                    .toList();
            for (int rank = 0; rank < sources.size(); rank++) {
                compiled.add(new LexiconPattern(compile(s.code(), sources.get(rank), fragments), signal, rank));
            }
        }
        this.patterns = List.copyOf(compiled);
        this.patternStarts = new PatternStarts(patterns.stream().map(LexiconPattern::regex).toList());
    }

    public static SeverityLexicon fromClasspath(String resource, ObjectMapper mapper) {
        try (InputStream in = SeverityLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("severity lexicon " + resource + " is not on the classpath");
            }
            Document document = mapper.readValue(in, Document.class);
            List<Signal> signals = document.signals();
            // Consumers know the signals from the contract's enum: a code of the operator's own would reach them
            // unannounced, so the service refuses to start with it.
            for (Signal signal : signals) {
                if (Arrays.stream(SignalCode.values()).noneMatch(code -> code.name().equals(signal.code()))) {
                    throw new IllegalStateException("severity lexicon " + resource + " uses the signal " + signal.code()
                            + ", which is not one of " + Arrays.toString(SignalCode.values()));
                }
            }
            try {
                return new SeverityLexicon(signals, document.fragments() == null ? Map.of() : document.fragments());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("severity lexicon " + resource + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable severity lexicon " + resource, e);
        }
    }

    public static SeverityLexicon of(List<Signal> signals) {
        return of(signals, Map.of());
    }

    /** A lexicon whose patterns may name the given fragments; an invalid pattern is an IllegalArgumentException. */
    public static SeverityLexicon of(List<Signal> signals, Map<String, String> fragments) {
        return new SeverityLexicon(signals, fragments);
    }

    /** Every signal whose terms or patterns occur in {@code text}, with the first that occurs as evidence. */
    public List<SeverityReason> match(String text) {
        String normalized = text.toLowerCase(Locale.ROOT);
        int[] best = new int[signals.size()];
        Arrays.fill(best, Integer.MAX_VALUE);
        int[] bestPattern = new int[signals.size()];
        Arrays.fill(bestPattern, Integer.MAX_VALUE);
        String[] patternEvidence = new String[signals.size()];
        Matcher[] matchers = new Matcher[patterns.size()];
        for (int at = 0; at < normalized.length(); at++) {
            char first = normalized.charAt(at);
            for (Term term : byFirstChar.getOrDefault(first, NONE)) {
                if (term.rank() < best[term.signal()] && occursAt(normalized, at, term)) {
                    best[term.signal()] = term.rank();
                }
            }
            if (at > 0 && isLetterOrNumber(normalized.codePointBefore(at))) {
                continue;
            }
            for (int candidate : patternStarts.startingWith(first)) {
                LexiconPattern pattern = patterns.get(candidate);
                // A term is better evidence than any pattern; a pattern's first match is its leftmost one.
                if (best[pattern.signal()] != Integer.MAX_VALUE || pattern.rank() >= bestPattern[pattern.signal()]) {
                    continue;
                }
                Matcher matcher = matchers[candidate];
                if (matcher == null) {
                    matcher = pattern.regex().matcher(normalized).useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[candidate] = matcher;
                }
                matcher.region(at, normalized.length());
                if (matcher.lookingAt()) {
                    bestPattern[pattern.signal()] = pattern.rank();
                    patternEvidence[pattern.signal()] = SPACES.matcher(matcher.group().strip()).replaceAll(" ");
                }
            }
        }
        List<SeverityReason> reasons = new ArrayList<>();
        for (int signal = 0; signal < best.length; signal++) {
            String evidence = best[signal] != Integer.MAX_VALUE ? termsBySignal.get(signal).get(best[signal])
                    : patternEvidence[signal];
            if (evidence != null) {
                Signal matched = signals.get(signal);
                reasons.add(new SeverityReason(matched.code(), matched.implies(), evidence));
            }
        }
        return List.copyOf(reasons);
    }

    private static Pattern compile(String code, String pattern, Map<String, String> fragments) {
        Matcher names = FRAGMENT.matcher(pattern);
        StringBuilder expanded = new StringBuilder();
        while (names.find()) {
            String fragment = fragments.get(names.group(1));
            if (fragment == null) {
                throw new IllegalArgumentException("the pattern " + pattern + " of " + code + " names the fragment "
                        + names.group(1) + ", which the lexicon does not define");
            }
            names.appendReplacement(expanded, Matcher.quoteReplacement("(?:" + fragment + ")"));
        }
        names.appendTail(expanded);
        // The text is lower-cased before matching, which costs less than matching without case a pattern at a time.
        if (!ESCAPES.matcher(expanded).replaceAll("").chars().noneMatch(Character::isUpperCase)) {
            throw new IllegalArgumentException("the pattern " + pattern + " of " + code + " has a capital letter: "
                    + "patterns see the text in lower case, so write them in lower case");
        }
        try {
            return Pattern.compile(NOT_IN_A_WORD_BEFORE + "(?:" + expanded + ")" + NOT_IN_A_WORD_AFTER,
                    Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the pattern " + pattern + " of " + code + " is not a valid regular "
                    + "expression: " + e.getDescription(), e);
        }
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
