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

    private record CompiledSignal(Signal signal, List<Pattern> patterns) {
    }

    private record Document(List<Signal> signals) {
    }

    private final List<CompiledSignal> signals;

    private SeverityLexicon(List<Signal> signals) {
        this.signals = signals.stream().map(s -> new CompiledSignal(s, compile(s))).toList();
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
        String quoted = Pattern.quote(term.toLowerCase(Locale.ROOT));
        boolean hebrew = term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HEBREW);
        String regex = hebrew ? quoted : "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])";
        return Pattern.compile(regex, Pattern.UNICODE_CASE);
    }
}
