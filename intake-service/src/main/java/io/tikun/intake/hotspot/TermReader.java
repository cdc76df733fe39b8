package io.tikun.intake.hotspot;

import java.util.List;

/**
 * Reads a text's words in one normalized form each (the classifier's analysis: ICU folding, stemming, Hebrew prefixes
 * cut), so the spellings of one word count as one emerging term.
 */
@FunctionalInterface
public interface TermReader {

    /** The text's words in order, each of at least {@code minimumLength} letters. */
    List<String> terms(String text, int minimumLength);
}
