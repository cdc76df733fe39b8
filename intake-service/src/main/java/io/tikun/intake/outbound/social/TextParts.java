package io.tikun.intake.outbound.social;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Cuts a text into parts a network accepts, in order: at a paragraph break where one is near the limit, else at a space,
 * and inside a word only when a single word is longer than a part. Lengths are counted in code points (never splitting
 * a surrogate pair), weighted for X, which counts most scripts outside Latin, Hebrew and Arabic double.
 */
public final class TextParts {

    /** Code points counted as one by X's weighted length (twitter-text ranges), everything else counts two. */
    public static final IntUnaryOperator X_WEIGHT = cp -> cp <= 4351 || (cp >= 8192 && cp <= 8205)
            || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247) ? 1 : 2;
    public static final IntUnaryOperator PLAIN_WEIGHT = cp -> 1;

    private TextParts() {
    }

    public static List<String> split(String text, int limit) {
        return split(text, limit, PLAIN_WEIGHT);
    }

    public static List<String> split(String text, int limit, IntUnaryOperator weight) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int[] cps = text.strip().codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            int end = start;
            int used = 0;
            while (end < cps.length && used + weight.applyAsInt(cps[end]) <= limit) {
                used += weight.applyAsInt(cps[end]);
                end++;
            }
            if (end == start) {
                end = start + 1; // a limit below one character's weight: send it alone rather than loop
            } else if (end < cps.length) {
                end = breakBefore(cps, start, end);
            }
            String part = new String(cps, start, end - start).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            start = end;
            while (start < cps.length && Character.isWhitespace(cps[start])) {
                start++;
            }
        }
        return parts;
    }

    /** The shortened text when only one message may go (a private reply to a comment): cut at a space, with an ellipsis. */
    public static String fit(String text, int limit) {
        List<String> parts = split(text, limit - 1);
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return parts.get(0) + "…";
    }

    /** Where to end a part that must stop before {@code end}: a paragraph break in its second half, else a space. */
    private static int breakBefore(int[] cps, int start, int end) {
        int half = start + (end - start) / 2;
        for (int i = end; i > half; i--) {
            if (cps[i - 1] == '\n' && i >= 2 && cps[i - 2] == '\n') {
                return i;
            }
        }
        for (int i = end; i > start; i--) {
            if (Character.isWhitespace(cps[i])) {
                return i;
            }
        }
        return end; // one word longer than a part: nothing better than cutting it
    }
}
