package io.tikun.intake.hotspot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the subjects an event counts towards. A {@code complaints.received} event: its product, its category and the
 * pair of both when the complaint was classified, and its distinct words of four letters or more as emerging terms (so a defect
 * nobody has
 * named in the catalogue still shows up), read by the classifier's analysis so "והמקרר", "המקרר" and "מקרר" are one
 * term. A {@code cases.updated} event of a resolved case that names its root cause: that root cause, per product and
 * per category the case was about.
 */
final class SubjectExtractor {

    /** An emerging term has at least this many letters. */
    static final int TERM_LETTERS = 4;

    /** Words too common in complaints to say what one is about (Hebrew and English), before analysis. */
    private static final List<String> COMMON = List.of(
            "that", "this", "with", "have", "from", "your", "they", "were", "been", "will", "would", "there",
            "their", "what", "when", "which", "about", "after", "again", "still", "please", "hello", "thanks",
            "thank", "order", "company", "service", "customer", "regards", "dear", "just", "also", "only",
            "אני", "שלי", "שלכם", "אתכם", "אבל", "כבר", "עדיין", "היום", "אחרי", "לפני", "שלום", "תודה",
            "בבקשה", "החברה", "השירות", "הזמנה", "ההזמנה", "לקוח", "הייתי", "היה", "הייתה", "אותו", "אותי",
            "איתכם", "שלנו", "רוצה", "צריך");

    private final int maxTerms;
    private final TermReader reader;
    private final Set<String> common;

    SubjectExtractor(int maxTerms, TermReader reader) {
        this.maxTerms = maxTerms;
        this.reader = reader;
        // The common words in the form the reader gives them, so "השירות" and "שירות" are both left out.
        this.common = COMMON.stream().flatMap(w -> reader.terms(w, TERM_LETTERS).stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    List<HotspotSubject> subjects(JsonNode complaint) {
        List<HotspotSubject> subjects = new ArrayList<>();
        JsonNode classification = complaint.path("classification");
        String product = classification.path("product").path("id").asText("");
        if (!product.isBlank()) {
            subjects.add(new HotspotSubject(HotspotSubject.Kind.PRODUCT, product));
        }
        String category = classification.path("category").asText("");
        if (!category.isBlank() && !"other".equals(category)) {
            subjects.add(new HotspotSubject(HotspotSubject.Kind.CATEGORY, category));
            if (!product.isBlank()) {
                subjects.add(new HotspotSubject(HotspotSubject.Kind.PRODUCT_CATEGORY, product + "/" + category));
            }
        }
        for (String term : terms(complaint.path("subject").asText("") + "\n" + complaint.path("body").asText(""))) {
            subjects.add(new HotspotSubject(HotspotSubject.Kind.TERM, term));
        }
        return subjects;
    }

    /**
     * The root cause of a case resolved in a {@code cases.updated} event, once per product and once per category the
     * case was about ({@code washing_machine/door seal}); none for any other change or without a root cause.
     */
    List<HotspotSubject> rootCauses(JsonNode caseUpdated) {
        String rootCause = caseUpdated.path("rootCause").asText("").strip();
        if (!"resolved".equals(caseUpdated.path("change").asText()) || rootCause.isEmpty()) {
            return List.of();
        }
        List<String> scopes = Stream.of(caseUpdated.path("productId").asText(""), caseUpdated.path("category").asText(""))
                .filter(s -> !s.isBlank() && !"other".equals(s)).distinct().toList();
        if (scopes.isEmpty()) {
            return List.of(new HotspotSubject(HotspotSubject.Kind.ROOT_CAUSE, rootCause));
        }
        return scopes.stream().map(scope -> new HotspotSubject(HotspotSubject.Kind.ROOT_CAUSE, scope + "/" + rootCause))
                .toList();
    }

    Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : reader.terms(text, TERM_LETTERS)) {
            if (terms.size() >= maxTerms) {
                break;
            }
            if (!common.contains(term)) {
                terms.add(term);
            }
        }
        return terms;
    }
}
