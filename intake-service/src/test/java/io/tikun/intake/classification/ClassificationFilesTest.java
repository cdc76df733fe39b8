package io.tikun.intake.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ClassificationFilesTest {

    private static final String PRODUCTS = "classification/products.json";
    private static final String CATEGORIES = "classification/categories.json";
    private static final String ORDERS = "classification/order-numbers.json";
    private static final String PREFIXES = "classification/hebrew-prefixes.json";

    private static ComplaintClassifier load(String products, String categories, String orders, String prefixes) {
        return new ComplaintClassifier(ComplaintClassifier.Files.of(new ObjectMapper(), products, categories, orders,
                prefixes), 4000);
    }

    @Test
    void shippedFilesLoadWithEveryDefaultCategory() {
        assertThat(load(PRODUCTS, CATEGORIES, ORDERS, PREFIXES).categoryCodes()).containsExactly("staff_behaviour",
                "refund", "billing", "delivery", "installation_or_visit", "product_defect", "waiting_time", "other");
    }

    @Test
    void refusesAModelPatternThatIsNoRegularExpression() {
        assertThatThrownBy(() -> load("classification/bad/products-bad-regex.json", CATEGORIES, ORDERS, PREFIXES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("classification/bad/products-bad-regex.json")
                .hasMessageContaining("the model pattern wm-(\\d{4} of the product washing_machine is not a valid "
                        + "regular expression");
    }

    @Test
    void refusesAProductWithNothingToMatch() {
        assertThatThrownBy(() -> load("classification/bad/products-empty.json", CATEGORIES, ORDERS, PREFIXES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the product kettle has no names and no model patterns");
    }

    @Test
    void refusesAMisspeltField() {
        assertThatThrownBy(() -> load("classification/bad/products-misspelt.json", CATEGORIES, ORDERS, PREFIXES))
                .hasMessageContaining("classification/bad/products-misspelt.json is not readable")
                .hasMessageContaining("modelPattern");
    }

    @Test
    void refusesACategoryNamedOtherOrWithABadCode() {
        assertThatThrownBy(() -> load(PRODUCTS, "classification/bad/categories-other.json", ORDERS, PREFIXES))
                .hasMessageContaining("the category other is what matches when nothing else does");
        assertThatThrownBy(() -> load(PRODUCTS, "classification/bad/categories-bad-code.json", ORDERS, PREFIXES))
                .hasMessageContaining("the category code \"Late-Delivery\" is not");
    }

    @Test
    void refusesAnOrderPatternWithoutItsNumberGroup() {
        assertThatThrownBy(() -> load(PRODUCTS, CATEGORIES, "classification/bad/order-numbers-no-group.json", PREFIXES))
                .hasMessageContaining("has no group (?<number>");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> load("classification/none.json", CATEGORIES, ORDERS, PREFIXES))
                .hasMessageContaining("classification file classification/none.json is not on the classpath");
    }
}
