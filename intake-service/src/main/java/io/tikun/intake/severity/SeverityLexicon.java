package io.tikun.intake.severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Words and phrases that signal severity, per language, as an operator maintains them in
 * {@code severity/lexicon.json}. Latin-script terms match whole words; Hebrew terms match inside
 * a word too, since Hebrew glues prepositions and conjunctions to the front of words.
 */
public final class SeverityLexicon {

    /** A named signal, the severity it implies and its terms by language code. */
    public record Signal(String code, Severity implies, Map<String, List<String>> terms) {
    }

    /**
     * A signal's terms, each as its own pattern (their order decides the evidence), and all of them as
     * one alternation that tells in a single pass whether any occurs, so a text without the signal,
     * the usual case, is scanned once per signal rather than once per term.
     */
    private record CompiledSignal(Signal signal, List<Pattern> patterns, Pattern anyTerm) {
    }

    private record Document(List<Signal> signals) {
    }

    private final List<CompiledSignal> signals;

    private SeverityLexicon(List<Signal> signals) {
        this.signals = signals.stream().map(s -> new CompiledSignal(s, compile(s), anyTerm(s))).toList();
    }

    public static SeverityLexicon fromClasspath(String resource, ObjectMapper mapper) {
        try (InputStream in = SeverityLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("severity lexicon " + resource + " is not on the classpath");
            }
            return new SeverityLexicon(mapper.readValue(in, Document.class).signals());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable severity lexicon " + resource, e);
        }
    }

    public static SeverityLexicon of(List<Signal> signals) {
        return new SeverityLexicon(signals);
    }

    /** Every signal whose terms occur in {@code text}, with the first matching words as evidence. */
    public List<SeverityReason> match(String text) {
        String normalized = text.toLowerCase(Locale.ROOT);
        return signals.stream()
                .flatMap(compiled -> firstMatch(compiled, normalized)
                        .map(evidence -> new SeverityReason(compiled.signal().code(), compiled.signal().implies(), evidence))
                        .stream())
                .toList();
    }

    private static Optional<String> firstMatch(CompiledSignal compiled, String text) {
        if (compiled.anyTerm() == null || !compiled.anyTerm().matcher(text).find()) {
            return Optional.empty();
        }
        for (Pattern pattern : compiled.patterns()) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    private static List<Pattern> compile(Signal signal) {
        return signal.terms().values().stream().flatMap(List::stream).map(SeverityLexicon::pattern).toList();
    }

    private static Pattern pattern(String term) {
        return Pattern.compile(regex(List.of(term)), Pattern.UNICODE_CASE);
    }

    /** One pattern matching wherever any of the signal's terms would; null for a signal without terms. */
    private static Pattern anyTerm(Signal signal) {
        List<String> terms = signal.terms().values().stream().flatMap(List::stream).toList();
        if (terms.isEmpty()) {
            return null;
        }
        List<String> hebrew = terms.stream().filter(SeverityLexicon::isHebrew).toList();
        List<String> others = terms.stream().filter(term -> !isHebrew(term)).toList();
        String regex = hebrew.isEmpty() ? regex(others)
                : others.isEmpty() ? regex(hebrew) : regex(others) + "|" + regex(hebrew);
        return Pattern.compile(regex, Pattern.UNICODE_CASE);
    }

    /**
     * Terms of one script as an alternation. Hebrew terms match anywhere, since prefixes such as ו, ה, ב, ל
     * and ש attach to the word; others only as whole words (no letter or digit right before or after).
     */
    private static String regex(List<String> terms) {
        String alternatives = terms.stream().map(term -> Pattern.quote(term.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|", "(?:", ")"));
        return isHebrew(terms.get(0)) ? alternatives
                : "(?<![\\p{L}\\p{N}])" + alternatives + "(?![\\p{L}\\p{N}])";
    }

    private static boolean isHebrew(String term) {
        return term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HEBREW);
    }
}
