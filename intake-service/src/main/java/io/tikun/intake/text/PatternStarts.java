package io.tikun.intake.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which of a list of patterns can begin a match on a given character, learnt per character as texts arrive. Most
 * patterns cannot start on most characters, and trying each of them at every position of a long mail is what costs:
 * a reader that knows the candidates tries one or two patterns where it would have tried all.
 * <p>
 * A pattern can start on a character when that character alone matches it or could with more text after it. A
 * pattern that looks behind ({@code (?<=}, {@code \B}) depends on text a one-character probe does not have, so it is
 * a candidate everywhere, as is a lone surrogate, which says nothing about the code point it begins.
 */
public final class PatternStarts {

    private final List<Pattern> patterns;
    private final boolean[] looksBehind;
    private final Map<Character, int[]> byFirstChar = new ConcurrentHashMap<>();
    private final int[] atEnd;

    public PatternStarts(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.looksBehind = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            String source = patterns.get(i).pattern();
            looksBehind[i] = source.contains("(?<=") || source.contains("\\B");
        }
        this.atEnd = IntStream.range(0, patterns.size())
                .filter(i -> looksBehind[i] || this.patterns.get(i).matcher("").lookingAt()).toArray();
    }

    /** The indexes, in the list's order, of the patterns a match of which may begin with {@code first}. */
    public int[] startingWith(char first) {
        return byFirstChar.computeIfAbsent(first, this::probe);
    }

    /** The indexes of the patterns that may match at the very end of a text, where they can only match nothing. */
    public int[] atEnd() {
        return atEnd;
    }

    private int[] probe(char first) {
        return IntStream.range(0, patterns.size()).filter(i -> couldStartWith(i, first)).toArray();
    }

    private boolean couldStartWith(int index, char first) {
        if (looksBehind[index] || Character.isSurrogate(first)) {
            return true;
        }
        Matcher probe = patterns.get(index).matcher(String.valueOf(first));
        return probe.lookingAt() || probe.hitEnd();
    }
}
