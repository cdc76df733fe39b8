package io.tikun.intake.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Says what a complaint is about: its product, category and order numbers, each with the customer's words as evidence.
 * Built at startup, so a catalogue or lexicon an operator broke stops the service with a message naming the file and
 * the fault rather than failing the first complaint.
 */
@Startup
@Singleton
public class ComplaintClassifier {

    private final TextAnalyzer analyzer;
    private final HebrewPrefixes prefixes;
    private final ProductCatalogue catalogue;
    private final CategoryLexicon categories;
    private final OrderNumberFinder orderNumbers;
    private final int offloadAbove;

    @Inject
    public ComplaintClassifier(ObjectMapper mapper, ClassificationConfig config) {
        this(Files.from(mapper, config), config.offloadAbove());
    }

    ComplaintClassifier(Files files, int offloadAbove) {
        this.analyzer = new TextAnalyzer();
        this.prefixes = build(files.hebrewPrefixes(), () -> new HebrewPrefixes(files.prefixRules(), analyzer));
        this.catalogue = build(files.products(), () -> new ProductCatalogue(files.catalogue().products(), analyzer));
        this.categories = build(files.categories(), () -> new CategoryLexicon(files.lexicon().categories(), analyzer));
        this.orderNumbers = build(files.orderNumbers(), () -> new OrderNumberFinder(files.orderPatterns().patterns()));
        this.offloadAbove = offloadAbove;
    }

    /** Classifies the subject and body together. */
    public Classification classify(String subject, String body) {
        String text = subject == null || subject.isBlank() ? body : subject + "\n" + body;
        AnalyzedText analyzed = AnalyzedText.of(text == null ? "" : text, analyzer, prefixes);
        CategoryLexicon.Verdict verdict = categories.judge(analyzed);
        return new Classification(catalogue.find(analyzed), verdict.category(), verdict.evidence(),
                orderNumbers.find(analyzed.text()));
    }

    /**
     * The words of a text as the classifier reads them (ICU folding, final letters, light stemming), each in one form
     * without any Hebrew prefix it could carry and of at least {@code minimumLength} letters: how words nobody listed
     * are counted, so spellings of one word count as one. A Hebrew word is given back with its final letter.
     */
    public List<String> terms(String text, int minimumLength) {
        List<String> terms = new ArrayList<>();
        for (Token token : analyzer.tokens(text == null ? "" : text)) {
            String term = prefixes.stem(token.term(), minimumLength);
            if (term.codePointCount(0, term.length()) >= minimumLength && term.codePoints().allMatch(Character::isLetter)) {
                terms.add(withFinalLetter(term));
            }
        }
        return terms;
    }

    private static String withFinalLetter(String term) {
        int last = term.length() - 1;
        int at = "כמנפצ".indexOf(term.charAt(last));
        return at < 0 ? term : term.substring(0, last) + "ךםןףץ".charAt(at);
    }

    /** Classifies a long text on a worker thread, a short one where it is, so no event loop waits on a long mail. */
    public Uni<Classification> classifyOffLoop(String subject, String body) {
        int length = (subject == null ? 0 : subject.length()) + (body == null ? 0 : body.length());
        Uni<Classification> classification = Uni.createFrom().item(() -> classify(subject, body));
        return length > offloadAbove ? classification.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                : classification;
    }

    /** Every category code, the configured ones in order and then {@code other}. */
    public List<String> categoryCodes() {
        return categories.codes();
    }

    private interface Part<T> {
        T build();
    }

    private static <T> T build(String resource, Part<T> part) {
        try {
            return part.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("classification file " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The four resource files, read; their names say which one a fault is in. */
    record Files(String products, ProductCatalogue.Document catalogue, String categories,
            CategoryLexicon.Document lexicon, String orderNumbers, OrderNumberFinder.Document orderPatterns,
            String hebrewPrefixes, HebrewPrefixes.Rules prefixRules) {

        static Files from(ObjectMapper mapper, ClassificationConfig config) {
            return of(mapper, config.products(), config.categories(), config.orderNumbers(), config.hebrewPrefixes());
        }

        static Files of(ObjectMapper mapper, String products, String categories, String orderNumbers,
                String hebrewPrefixes) {
            // An unknown field is most likely a misspelt one ("modelPattern"): refuse it rather than ignore it.
            ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return new Files(products, read(strict, products, ProductCatalogue.Document.class), categories,
                    read(strict, categories, CategoryLexicon.Document.class), orderNumbers,
                    read(strict, orderNumbers, OrderNumberFinder.Document.class), hebrewPrefixes,
                    read(strict, hebrewPrefixes, HebrewPrefixes.Rules.class));
        }

        static <T> T read(ObjectMapper mapper, String resource, Class<T> type) {
            try (InputStream in = ComplaintClassifier.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("classification file " + resource + " is not on the classpath");
                }
                return mapper.readValue(in, type);
            } catch (IOException e) {
                throw new UncheckedIOException("classification file " + resource + " is not readable: "
                        + e.getMessage(), e);
            }
        }
    }
}
