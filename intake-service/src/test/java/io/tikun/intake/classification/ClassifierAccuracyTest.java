package io.tikun.intake.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Measures the shipped classifier on the labelled complaints under {@code classification/labelled-complaints.jsonl}:
 * per-category precision, recall and F1, overall accuracy, product accuracy and order-number exact match, for the
 * "tune" split (whose errors may guide changes to the lexicons) and the "holdout" split (chosen when the set was
 * written, never used for tuning). The table is printed and written to {@code target/classification-accuracy.md}.
 */
class ClassifierAccuracyTest {

    static final String LABELLED = "classification/labelled-complaints.jsonl";
    static final Path REPORT = Path.of("target", "classification-accuracy.md");

    private static Measurement tune;
    private static Measurement holdout;
    private static List<Labelled> labelled;

    /** One line of the labelled set. */
    record Labelled(String id, String language, String text, String category, String productId,
            List<String> orderNumbers, String split) {
    }

    /** What the classifier said about one labelled complaint. */
    record Outcome(Labelled expected, String category, String productId, List<String> orderNumbers) {

        boolean categoryRight() {
            return expected.category().equals(category);
        }

        boolean productRight() {
            return Objects.equals(expected.productId(), productId);
        }

        boolean orderNumbersRight() {
            return expected.orderNumbers().equals(orderNumbers);
        }
    }

    /** Precision, recall and F1 of one category; support is how many complaints are labelled with it. */
    record CategoryScore(String category, int support, int predicted, int correct) {

        double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        double recall() {
            return support == 0 ? 0 : (double) correct / support;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The scores of one split. */
    record Measurement(String split, List<Outcome> outcomes, Map<String, CategoryScore> categories) {

        static Measurement of(String split, List<String> codes, List<Outcome> outcomes) {
            Map<String, CategoryScore> scores = new LinkedHashMap<>();
            for (String code : codes) {
                int support = (int) outcomes.stream().filter(o -> o.expected().category().equals(code)).count();
                int predicted = (int) outcomes.stream().filter(o -> o.category().equals(code)).count();
                int correct = (int) outcomes.stream().filter(o -> o.category().equals(code) && o.categoryRight())
                        .count();
                scores.put(code, new CategoryScore(code, support, predicted, correct));
            }
            return new Measurement(split, List.copyOf(outcomes), scores);
        }

        double accuracy() {
            return share(Outcome::categoryRight);
        }

        double productAccuracy() {
            return share(Outcome::productRight);
        }

        double orderNumberExactMatch() {
            return share(Outcome::orderNumbersRight);
        }

        double macroF1() {
            return categories.values().stream().mapToDouble(CategoryScore::f1).average().orElse(0);
        }

        double accuracyIn(String language) {
            List<Outcome> in = outcomes.stream().filter(o -> o.expected().language().equals(language)).toList();
            return in.isEmpty() ? 0 : (double) in.stream().filter(Outcome::categoryRight).count() / in.size();
        }

        long countIn(String language) {
            return outcomes.stream().filter(o -> o.expected().language().equals(language)).count();
        }

        private double share(Predicate<Outcome> right) {
            return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(right).count() / outcomes.size();
        }
    }

    @BeforeAll
    static void measure() throws IOException {
        ComplaintClassifier classifier = classifierAsTheServiceBuildsIt();
        labelled = read();
        List<String> codes = classifier.categoryCodes();
        tune = Measurement.of("tune", codes, classifyAll(classifier, "tune"));
        holdout = Measurement.of("holdout", codes, classifyAll(classifier, "holdout"));
        String report = report();
        System.out.println(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    }

    /** The service's own constructor and configuration mapping, with the defaults it ships with. */
    private static ComplaintClassifier classifierAsTheServiceBuildsIt() {
        ClassificationConfig config = new SmallRyeConfigBuilder().withMapping(ClassificationConfig.class).build()
                .getConfigMapping(ClassificationConfig.class);
        return new ComplaintClassifier(new ObjectMapper(), config);
    }

    private static List<Labelled> read() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Labelled> all = new ArrayList<>();
        try (InputStream in = ClassifierAccuracyTest.class.getClassLoader().getResourceAsStream(LABELLED)) {
            assertThat(in).as(LABELLED + " on the test classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    all.add(mapper.readValue(line, Labelled.class));
                }
            }
        }
        return List.copyOf(all);
    }

    private static List<Outcome> classifyAll(ComplaintClassifier classifier, String split) {
        return labelled.stream().filter(l -> l.split().equals(split)).map(l -> {
            Classification c = classifier.classify("", l.text());
            return new Outcome(l, c.category(), c.product() == null ? null : c.product().id(), c.orderNumbers());
        }).toList();
    }

    @Test
    void labelledSetIsLargeBilingualAndCoversEveryCategory() {
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(200);
        assertThat(labelled).extracting(Labelled::id).doesNotHaveDuplicates();
        assertThat(labelled).extracting(Labelled::split).containsOnly("tune", "holdout");
        long hebrew = labelled.stream().filter(l -> l.language().equals("he")).count();
        long english = labelled.stream().filter(l -> l.language().equals("en")).count();
        assertThat(hebrew).isGreaterThanOrEqualTo(labelled.size() * 2 / 5);
        assertThat(english).isGreaterThanOrEqualTo(labelled.size() * 2 / 5);
        for (String code : tune.categories().keySet()) {
            assertThat(labelled.stream().filter(l -> l.category().equals(code)).count()).as(code)
                    .isGreaterThanOrEqualTo(20);
            assertThat(holdout.categories().get(code).support()).as("holdout " + code).isGreaterThanOrEqualTo(5);
        }
        assertThat(labelled).extracting(Labelled::category).allMatch(tune.categories()::containsKey);
        assertThat((double) holdout.outcomes().size() / labelled.size()).isBetween(0.25, 0.35);
    }

    @Test
    void tuneSplitIsClassifiedWellInEveryCategory() {
        assertThat(tune.accuracy()).as("tune accuracy").isGreaterThanOrEqualTo(0.85);
        tune.categories().values().forEach(score -> assertThat(score.recall()).as("tune recall of " + score.category())
                .isGreaterThanOrEqualTo(0.6));
        assertThat(tune.accuracyIn("he")).as("tune accuracy in Hebrew").isGreaterThanOrEqualTo(0.8);
        assertThat(tune.accuracyIn("en")).as("tune accuracy in English").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void holdoutSplitIsClassifiedNearlyAsWell() {
        assertThat(holdout.accuracy()).as("holdout accuracy").isGreaterThanOrEqualTo(0.75);
        assertThat(holdout.macroF1()).as("holdout macro F1").isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void productsAndOrderNumbersAreFound() {
        assertThat(tune.productAccuracy()).as("tune product accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(holdout.productAccuracy()).as("holdout product accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(tune.orderNumberExactMatch()).as("tune order-number exact match").isGreaterThanOrEqualTo(0.95);
        assertThat(holdout.orderNumberExactMatch()).as("holdout order-number exact match")
                .isGreaterThanOrEqualTo(0.9);
    }

    private static String report() {
        StringBuilder out = new StringBuilder("# Classification accuracy\n\n");
        out.append("Labelled set: ").append(LABELLED).append(", ").append(labelled.size()).append(" complaints (")
                .append(tune.outcomes().size()).append(" tune, ").append(holdout.outcomes().size())
                .append(" holdout).\n\n");
        out.append("| split | n | accuracy | macro F1 | accuracy he | accuracy en | product accuracy | "
                + "order numbers exact |\n|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : List.of(tune, holdout)) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f (%d) | %.3f (%d) | %.3f | %.3f |%n",
                    m.split(), m.outcomes().size(), m.accuracy(), m.macroF1(), m.accuracyIn("he"), m.countIn("he"),
                    m.accuracyIn("en"), m.countIn("en"), m.productAccuracy(), m.orderNumberExactMatch()));
        }
        for (Measurement m : List.of(tune, holdout)) {
            out.append("\n## ").append(m.split()).append(" split, per category\n\n")
                    .append("| category | support | predicted | precision | recall | F1 |\n|---|---|---|---|---|---|\n");
            for (CategoryScore s : m.categories().values()) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f |%n", s.category(),
                        s.support(), s.predicted(), s.precision(), s.recall(), s.f1()));
            }
        }
        // Only the tune split's mistakes are listed: the holdout's stay unseen so that they cannot steer the lexicons.
        out.append("\n## tune split, mistakes\n\n| id | expected | got | product expected | product got | "
                + "orders expected | orders got |\n|---|---|---|---|---|---|---|\n");
        Map<String, Outcome> wrong = new TreeMap<>();
        tune.outcomes().stream().filter(o -> !o.categoryRight() || !o.productRight() || !o.orderNumbersRight())
                .forEach(o -> wrong.put(o.expected().id(), o));
        wrong.values().forEach(o -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n",
                o.expected().id(), o.expected().category(), o.categoryRight() ? "" : o.category(),
                o.expected().productId(), o.productRight() ? "" : o.productId(), o.expected().orderNumbers(),
                o.orderNumbersRight() ? "" : o.orderNumbers())));
        return out.toString();
    }
}
