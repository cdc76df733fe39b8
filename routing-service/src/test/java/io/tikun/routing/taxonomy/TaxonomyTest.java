package io.tikun.routing.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The lists agents choose from at resolution, and how a choice is checked against them. */
class TaxonomyTest {

    /** Intake's classifier's categories, read where intake keeps them (as the other contract tests read its files). */
    private static final Path INTAKES_CATEGORIES = Path.of("..", "intake-service", "src", "main", "resources",
            "classification", "categories.json");

    private final ObjectMapper mapper = new ObjectMapper();

    private Taxonomy shipped() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Taxonomy.SHIPPED)) {
            return Taxonomy.of(in, mapper);
        }
    }

    @Test
    void routingKnowsEveryCategoryIntakesClassifierGives() throws Exception {
        JsonNode intake = mapper.readTree(Files.readString(INTAKES_CATEGORIES, StandardCharsets.UTF_8));
        List<String> codes = new ArrayList<>();
        intake.get("categories").forEach(c -> codes.add(c.get("code").asText()));

        assertThat(codes).isNotEmpty();
        assertThat(shipped().categoryCodes()).containsAll(codes);
    }

    @Test
    void everyChoiceHasAHebrewAndAnEnglishLabel() throws Exception {
        Taxonomy taxonomy = shipped();
        List<Choice> all = new ArrayList<>(taxonomy.categories());
        all.addAll(taxonomy.rootCauses());
        assertThat(all).allSatisfy(c -> {
            assertThat(c.he()).as(c.code()).isNotBlank().isNotEqualTo(c.en());
            assertThat(c.en()).as(c.code()).isNotBlank();
        });
        assertThat(taxonomy.rootCauseCodes()).contains("product-defect", "supplier-delay", "process-gap", "staff-error",
                "communication", "billing-system", "customer-misunderstanding", "external", "other");
    }

    @Test
    void aChoiceOnTheListIsTakenTrimmed() throws Exception {
        assertThat(shipped().rootCause(" supplier-delay ")).isEqualTo("supplier-delay");
        assertThat(shipped().category("delivery")).isEqualTo("delivery");
    }

    @Test
    void aMissingOrUnknownChoiceNamesTheFieldAndEveryAllowedValue() throws Exception {
        Taxonomy taxonomy = shipped();
        assertThatThrownBy(() -> taxonomy.rootCause(null)).isInstanceOfSatisfying(InvalidChoiceProblem.class, e -> {
            assertThat(e.field()).isEqualTo("rootCause");
            assertThat(e.allowed()).isEqualTo(taxonomy.rootCauseCodes());
            assertThat(e.getMessage()).startsWith("'rootCause' is required; allowed: product-defect, supplier-delay");
        });
        assertThatThrownBy(() -> taxonomy.rootCause("  ")).isInstanceOf(InvalidChoiceProblem.class);
        assertThatThrownBy(() -> taxonomy.category("Delivery")).isInstanceOfSatisfying(InvalidChoiceProblem.class,
                e -> {
                    assertThat(e.field()).isEqualTo("category");
                    assertThat(e.getMessage()).contains("unknown value 'Delivery'").contains("delivery");
                });
    }

    @Test
    void anOperatorsListWithARepeatedOrMissingCodeIsRefusedAtStartup() {
        String repeated = """
                {"categories":[{"code":"a","he":"א","en":"A"},{"code":"a","he":"ב","en":"B"}],
                 "rootCauses":[{"code":"x","he":"ס","en":"X"}]}""";
        String empty = """
                {"categories":[{"code":"a","he":"א","en":"A"}],"rootCauses":[]}""";
        assertThatThrownBy(() -> Taxonomy.of(stream(repeated), mapper)).hasMessageContaining("repeated");
        assertThatThrownBy(() -> Taxonomy.of(stream(empty), mapper)).hasMessageContaining("rootCauses");
    }

    @Test
    void aLabelFallsBackToTheCode() {
        assertThat(new Choice("x", "איקס", "Ex").label("en")).isEqualTo("Ex");
        assertThat(new Choice("x", "איקס", "Ex").label("he")).isEqualTo("איקס");
        assertThat(new Choice("x", null, "").label("en")).isEqualTo("x");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
