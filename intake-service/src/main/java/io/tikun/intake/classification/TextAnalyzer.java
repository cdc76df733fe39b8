package io.tikun.intake.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits a text into normalized words with Lucene's ICU analysis: Unicode word boundaries for every script, then case,
 * niqqud, accents and width folded away, Hebrew final letters made ordinary, and light stemming for English (Porter),
 * Arabic and Russian, each of which touches only its own script. One instance serves every thread: Lucene keeps an
 * analysis chain per thread and reuses it.
 */
final class TextAnalyzer {

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new ICUTokenizer();
            TokenStream stream = new ICUFoldingFilter(tokenizer);
            stream = new HebrewFinalLetterFilter(stream);
            stream = new ArabicNormalizationFilter(stream);
            stream = new ArabicStemFilter(stream);
            stream = new RussianLightStemFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    /** The text's words in order, normalized, each with its place in {@code text}. */
    List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // Reading a String cannot fail.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The normalized words of a catalogue or lexicon entry. */
    List<String> terms(String phrase) {
        return tokens(phrase).stream().map(Token::term).toList();
    }
}
