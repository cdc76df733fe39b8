package io.tikun.intake.classification;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What complaints are about (delivery, billing, refund…), as an operator keeps the categories and their words per
 * language in {@code classification/categories.json}. A complaint falls in the category whose words it uses most
 * (distinct listed words, so one word repeated does not outvote two, and a matched phrase of two words counts two);
 * a tie goes to the category listed first; a complaint
 * that uses none is {@value #OTHER}.
 */
final class CategoryLexicon {

    /** The category every complaint falls in when no other's words occur; never listed in the file. */
    static final String OTHER = "other";
    /** A category code: what the event contract's pattern allows. */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,39}");

    /** One category as the file lists it. */
    record Category(String code, Map<String, List<String>> terms) {

        Category {
            terms = terms == null ? Map.of() : terms;
        }
    }

    /** The file's shape. */
    record Document(List<Category> categories) {
    }

    /** The category chosen and the words that chose it, as the customer wrote them. */
    record Verdict(String category, List<String> evidence) {
    }

    private final PhraseIndex<Category> index = new PhraseIndex<>();
    private final List<String> codes;

    CategoryLexicon(List<Category> categories, TextAnalyzer analyzer) {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("the lexicon lists no categories");
        }
        Set<String> seen = new HashSet<>();
        for (Category category : categories) {
            if (category.code() == null || !CODE.matcher(category.code()).matches()) {
                throw new IllegalArgumentException("the category code \"" + category.code()
                        + "\" is not 2 to 40 lower-case letters, digits and underscores starting with a letter");
            }
            if (OTHER.equals(category.code())) {
                throw new IllegalArgumentException("the category " + OTHER
                        + " is what matches when nothing else does; it takes no words");
            }
            if (!seen.add(category.code())) {
                throw new IllegalArgumentException("the category " + category.code() + " is listed twice");
            }
            long listed = category.terms().values().stream().flatMap(List::stream)
                    .filter(term -> term != null && index.add(term, category, analyzer)).count();
            if (listed == 0) {
                throw new IllegalArgumentException("the category " + category.code() + " has no words");
            }
        }
        this.codes = categories.stream().map(Category::code).toList();
    }

    /** Every category code in the file's order, then {@value #OTHER}. */
    List<String> codes() {
        return java.util.stream.Stream.concat(codes.stream(), java.util.stream.Stream.of(OTHER)).toList();
    }

    Verdict judge(AnalyzedText text) {
        // Counted by the listed words, not by what the customer typed: "SHIPPING" after "shipping", or "charged"
        // found through both "charge" and "charged", is one word; "בכרטיס האשראי" found through "כרטיס אשראי",
        // "כרטיס" and "אשראי" is two.
        Map<Category, Set<String>> words = new LinkedHashMap<>();
        Map<Category, Set<String>> evidence = new LinkedHashMap<>();
        for (PhraseIndex.Hit<Category> hit : index.find(text)) {
            words.computeIfAbsent(hit.owner(), c -> new HashSet<>()).addAll(hit.terms());
            evidence.computeIfAbsent(hit.owner(), c -> new LinkedHashSet<>()).add(hit.evidence());
        }
        Category best = null;
        for (Map.Entry<Category, Set<String>> entry : words.entrySet()) {
            if (best == null || entry.getValue().size() > words.get(best).size()
                    || entry.getValue().size() == words.get(best).size()
                            && codes.indexOf(entry.getKey().code()) < codes.indexOf(best.code())) {
                best = entry.getKey();
            }
        }
        return best == null ? new Verdict(OTHER, List.of()) : new Verdict(best.code(), List.copyOf(evidence.get(best)));
    }
}
