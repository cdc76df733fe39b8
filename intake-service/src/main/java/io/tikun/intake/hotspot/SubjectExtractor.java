package io.tikun.intake.hotspot;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads from a {@code complaints.received} event the subjects it counts towards: its product and category when the
 * complaint was classified, and its distinct words of four letters or more as emerging terms (so a defect nobody has
 * named in the catalogue still shows up).
 */
final class SubjectExtractor {

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words too common in complaints to say what one is about (Hebrew and English). */
    private static final Set<String> COMMON = Set.of(
            "that", "this", "with", "have", "from", "your", "they", "were", "been", "will", "would", "there",
            "their", "what", "when", "which", "about", "after", "again", "still", "please", "hello", "thanks",
            "thank", "order", "company", "service", "customer", "regards", "dear", "just", "also", "only",
            "אני", "שלי", "שלכם", "אתכם", "אבל", "כבר", "עדיין", "היום", "אחרי", "לפני", "שלום", "תודה",
            "בבקשה", "החברה", "השירות", "הזמנה", "ההזמנה", "לקוח", "הייתי", "היה", "הייתה", "אותו", "אותי",
            "איתכם", "שלנו", "רוצה", "צריך");

    private final int maxTerms;

    SubjectExtractor(int maxTerms) {
        this.maxTerms = maxTerms;
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
        }
        for (String term : terms(complaint.path("subject").asText("") + " " + complaint.path("body").asText(""))) {
            subjects.add(new HotspotSubject(HotspotSubject.Kind.TERM, term));
        }
        return subjects;
    }

    Set<String> terms(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        Set<String> terms = new LinkedHashSet<>();
        for (String word : NOT_A_LETTER.split(plain.toLowerCase(Locale.ROOT))) {
            if (terms.size() >= maxTerms) {
                break;
            }
            if (word.codePointCount(0, word.length()) >= 4 && !COMMON.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }
}
