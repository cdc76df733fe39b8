package io.tikun.intake.classification;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Writes Hebrew final letters (ך ם ן ף ץ) as their ordinary forms, so a word cut by a prefix or typed carelessly matches. */
final class HebrewFinalLetterFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    HebrewFinalLetterFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            buffer[i] = ordinary(buffer[i]);
        }
        return true;
    }

    static char ordinary(char c) {
        return switch (c) {
            case 'ך' -> 'כ';
            case 'ם' -> 'מ';
            case 'ן' -> 'נ';
            case 'ף' -> 'פ';
            case 'ץ' -> 'צ';
            default -> c;
        };
    }
}
