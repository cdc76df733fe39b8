package io.tikun.intake.classification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tikun.intake.text.PatternStarts;

/**
 * The products complaints are about, as an operator keeps them in {@code classification/products.json}: an id, a
 * display name, names and aliases per language, and regular expressions for model numbers ("WM-8200"). A complaint is
 * about the product named most often, a model number counting double (it is the surest sign); ties go to the one
 * named first.
 */
final class ProductCatalogue {

    /** One product as the file lists it. */
    record Product(String id, String name, Map<String, List<String>> names, List<String> modelPatterns) {

        Product {
            names = names == null ? Map.of() : names;
            modelPatterns = modelPatterns == null ? List.of() : modelPatterns;
        }
    }

    /** The file's shape. */
    record Document(List<Product> products) {
    }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    /** A model number stands alone: no Latin letter or digit glued to it, though a Hebrew prefix may be ("ב-WM-8200"). */
    private static final String ALONE_BEFORE = "(?<![\\p{IsLatin}\\p{N}])";
    private static final String ALONE_AFTER = "(?![\\p{IsLatin}\\p{N}])";

    private record ModelPattern(Pattern regex, Product product) {
    }

    private final PhraseIndex<Product> names = new PhraseIndex<>();
    private final List<ModelPattern> models = new ArrayList<>();
    private final PatternStarts modelStarts;

    ProductCatalogue(List<Product> products, TextAnalyzer analyzer) {
        if (products == null || products.isEmpty()) {
            throw new IllegalArgumentException("the catalogue lists no products");
        }
        Set<String> ids = new HashSet<>();
        for (Product product : products) {
            if (product.id() == null || !ID.matcher(product.id()).matches()) {
                throw new IllegalArgumentException("the product id \"" + product.id()
                        + "\" is not lower-case letters, digits and underscores");
            }
            if (!ids.add(product.id())) {
                throw new IllegalArgumentException("the product " + product.id() + " is listed twice");
            }
            if (product.name() == null || product.name().isBlank()) {
                throw new IllegalArgumentException("the product " + product.id() + " has no name");
            }
            int listed = 0;
            for (List<String> aliases : product.names().values()) {
                for (String alias : aliases) {
                    if (alias != null && names.add(alias, product, analyzer)) {
                        listed++;
                    }
                }
            }
            for (String source : product.modelPatterns()) {
                models.add(new ModelPattern(compile(product.id(), source), product));
                listed++;
            }
            if (listed == 0) {
                throw new IllegalArgumentException("the product " + product.id()
                        + " has no names and no model patterns, so nothing could ever match it");
            }
        }
        modelStarts = new PatternStarts(models.stream().map(ModelPattern::regex).toList());
    }

    static Pattern compile(String id, String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("the product " + id + " has an empty model pattern");
        }
        try {
            return Pattern.compile(ALONE_BEFORE + "(?:" + source + ")" + ALONE_AFTER,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the model pattern " + source + " of the product " + id
                    + " is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    /** The product the text is most about, with every mention as evidence; null when it names none. */
    Classification.ProductMatch find(AnalyzedText text) {
        Map<Product, Mentions> found = new LinkedHashMap<>();
        findModels(text.text(), found);
        for (PhraseIndex.Hit<Product> hit : names.find(text)) {
            int offset = text.tokens().get(hit.position()).start();
            found.computeIfAbsent(hit.owner(), p -> new Mentions()).add(hit.evidence(), 1, offset);
        }
        return found.entrySet().stream()
                .min((a, b) -> a.getValue().score != b.getValue().score ? b.getValue().score - a.getValue().score
                        : a.getValue().first - b.getValue().first)
                .map(best -> new Classification.ProductMatch(best.getKey().id(), best.getKey().name(),
                        List.copyOf(best.getValue().evidence)))
                .orElse(null);
    }

    /**
     * Every model number in {@code text}, as each pattern's {@link Matcher#find()} would find them one after another,
     * but read in one pass: a model number stands alone, so a match can only begin where no Latin letter or digit
     * comes before, and there only the patterns that can begin with that character are tried.
     */
    private void findModels(String text, Map<Product, Mentions> found) {
        Matcher[] matchers = new Matcher[models.size()];
        int[] nextFrom = new int[models.size()];
        for (int at = 0; at <= text.length(); at++) {
            if (at > 0 && (gluesToAModelNumber(text.charAt(at - 1)) || insideACodePoint(text, at))) {
                continue;
            }
            for (int candidate : at < text.length() ? modelStarts.startingWith(text.charAt(at)) : modelStarts.atEnd()) {
                if (at < nextFrom[candidate]) {
                    continue;
                }
                Matcher matcher = matchers[candidate];
                if (matcher == null) {
                    matcher = models.get(candidate).regex().matcher(text).useTransparentBounds(true)
                            .useAnchoringBounds(false);
                    matchers[candidate] = matcher;
                }
                if (matcher.region(at, text.length()).lookingAt()) {
                    found.computeIfAbsent(models.get(candidate).product(), p -> new Mentions())
                            .add(matcher.group(), 2, at);
                    // Like find(): the next match begins after this one (after an empty one, one further on).
                    nextFrom[candidate] = Math.max(matcher.end(), at + 1);
                }
            }
        }
    }

    /** Whether {@code at} falls between the two halves of a surrogate pair, where no search starts a match. */
    private static boolean insideACodePoint(String text, int at) {
        return at < text.length() && Character.isLowSurrogate(text.charAt(at))
                && Character.isHighSurrogate(text.charAt(at - 1));
    }

    /**
     * Whether a model number may not begin right after this character ({@link #ALONE_BEFORE}, which like any
     * look-behind of one character judges a lone surrogate, not the code point it ends).
     */
    private static boolean gluesToAModelNumber(char codePoint) {
        int type = Character.getType(codePoint);
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN
                || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** How often and where a product is named. */
    private static final class Mentions {
        private int score;
        private int first = Integer.MAX_VALUE;
        private final Set<String> evidence = new java.util.LinkedHashSet<>();

        void add(String quote, int weight, int offset) {
            score += weight;
            first = Math.min(first, offset);
            evidence.add(quote);
        }
    }
}
