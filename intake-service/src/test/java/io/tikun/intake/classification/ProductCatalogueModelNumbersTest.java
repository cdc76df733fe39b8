package io.tikun.intake.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The catalogue reads model numbers in one pass, trying a pattern only where it can begin; these tests hold it to what
 * running each pattern's {@link Matcher#find()} over the whole text finds.
 */
class ProductCatalogueModelNumbersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Patterns that test the one-pass reading: overlaps, a digit first, an optional start, a lookbehind, an empty match. */
    private static final List<ProductCatalogue.Product> TRICKY = List.of(
            model("washer", "wm-?\\d{4}"),
            model("washer_pro", "wm-?\\d{4}-?pro"),
            model("tv", "\\d{2}(?:uhd|qled|oled)\\d{3,4}"),
            model("kettle", "(?:model\\s)?kt\\d{2}"),
            model("hashed", "(?<=#)\\d{3}"),
            model("maybe", "zz?"),
            model("dotted", "v\\.?\\d"));
    /** A pattern that also matches nothing at all, where find() moves one character on after each empty match. */
    private static final List<ProductCatalogue.Product> EMPTY_MATCHES = List.of(
            model("washer", "wm-?\\d{4}"),
            model("anything", "q*"));

    private static ProductCatalogue.Product model(String id, String pattern) {
        return new ProductCatalogue.Product(id, id, Map.of(), List.of(pattern));
    }

    @Test
    void findsTheSameModelNumbersAsEachPatternSearchingTheWholeText() throws IOException {
        List<ProductCatalogue.Product> shipped = MAPPER.readValue(
                getClass().getClassLoader().getResourceAsStream("classification/products.json"),
                ProductCatalogue.Document.class).products().stream()
                .map(product -> new ProductCatalogue.Product(product.id(), product.name(), Map.of(),
                        product.modelPatterns()))
                .filter(product -> !product.modelPatterns().isEmpty())
                .toList();
        List<String> texts = new ArrayList<>(labelledComplaints());
        texts.addAll(List.of(
                "The WM-8200 and wm8201 and WM-8200-PRO all leak", "XWM-82001 ABWM-8200 wm-8200x", "ב-WM-8200 וגם ה55QLED8000",
                "55uhd1234 and 65OLED900 on the wall", "model kt12, KT34 and model  kt56", "order #123 and 456 and ##789",
                "zz z zzz", "v.1 v2 xv3 v.", "", "WM-8200", "wm-8200wm-8201", "١٢WM-8200", "ⅫWM-8200", "éWM-8200",
                "\uD835\uDFCFWM-8200", "RF-450X, DW-600, AC-12000, OV-350, PH-12"));
        for (List<ProductCatalogue.Product> products : List.of(shipped, TRICKY, EMPTY_MATCHES)) {
            ProductCatalogue catalogue = new ProductCatalogue(products, new TextAnalyzer());
            for (String text : texts) {
                Classification.ProductMatch found = catalogue.find(new AnalyzedText(text, List.of(), List.of()));
                Mentions expected = byFind(products, text);
                if (expected == null) {
                    assertThat(found).as(text).isNull();
                } else {
                    assertThat(found).as(text).isNotNull();
                    assertThat(found.id()).as(text).isEqualTo(expected.product());
                    assertThat(new LinkedHashSet<>(found.evidence())).as(text).isEqualTo(expected.evidence());
                }
            }
        }
    }

    @Test
    void findsEveryProductThatThePatternsOfTheTrickyCatalogueName() {
        ProductCatalogue catalogue = new ProductCatalogue(TRICKY, new TextAnalyzer());

        assertThat(catalogue.find(text("order #123 arrived broken")).id()).isEqualTo("hashed");
        assertThat(catalogue.find(text("the model kt12 kettle")).evidence()).containsExactly("model kt12");
        assertThat(catalogue.find(text("my 55QLED8000 went dark")).id()).isEqualTo("tv");
        assertThat(catalogue.find(text("a 155QLED8000 is no model of ours"))).isNull();
    }

    private static AnalyzedText text(String text) {
        return new AnalyzedText(text, List.of(), List.of());
    }

    /** A product's model numbers as its patterns' find() loops list them. */
    private record Mentions(String product, int count, int first, Set<String> evidence) {
    }

    /** The product named most often by model number (ties to the one named first), as find() loops see it; or null. */
    private static Mentions byFind(List<ProductCatalogue.Product> products, String text) {
        Mentions best = null;
        for (ProductCatalogue.Product product : products) {
            int count = 0;
            int first = Integer.MAX_VALUE;
            Set<String> evidence = new LinkedHashSet<>();
            for (String source : product.modelPatterns()) {
                Matcher matcher = ProductCatalogue.compile(product.id(), source).matcher(text);
                while (matcher.find()) {
                    count++;
                    first = Math.min(first, matcher.start());
                    evidence.add(matcher.group());
                }
            }
            if (count > 0 && (best == null || count > best.count() || count == best.count() && first < best.first())) {
                best = new Mentions(product.id(), count, first, evidence);
            }
        }
        return best;
    }

    private static List<String> labelledComplaints() throws IOException {
        List<String> texts = new ArrayList<>();
        try (var in = ProductCatalogueModelNumbersTest.class.getClassLoader()
                .getResourceAsStream("classification/labelled-complaints.jsonl");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line : lines.lines().filter(line -> !line.isBlank()).toList()) {
                texts.add(MAPPER.readTree(line).get("text").asText());
            }
        }
        assertThat(texts).hasSizeGreaterThan(200);
        return texts;
    }
}
