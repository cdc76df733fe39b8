package io.tikun.routing.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CannedTemplateTest {

    private static final String HEBREW = "שלום {customerName}, פנייתך {reference} תטופל עד {dueAt}. {agentName}";

    @Test
    void findsEveryPlaceholderInOrderOfFirstUse() {
        assertThat(CannedTemplate.parse(HEBREW + " {customerName} {caseId}").placeholders()).containsExactly(
                Placeholder.CUSTOMER_NAME, Placeholder.REFERENCE, Placeholder.DUE_AT, Placeholder.AGENT_NAME,
                Placeholder.CASE_ID);
    }

    @Test
    void rendersValuesIntoHebrewText() {
        CannedTemplate.Rendered rendered = CannedTemplate.parse(HEBREW).render(Map.of(Placeholder.CUSTOMER_NAME, "דנה לוי",
                Placeholder.REFERENCE, "TK-000042", Placeholder.DUE_AT, "25/11/2026 14:00", Placeholder.AGENT_NAME, "יוסי"));

        assertThat(rendered.text()).isEqualTo("שלום דנה לוי, פנייתך TK-000042 תטופל עד 25/11/2026 14:00. יוסי");
        assertThat(rendered.missing()).isEmpty();
    }

    @Test
    void leavesAPlaceholderWithoutValueAsWrittenAndReportsItMissing() {
        CannedTemplate.Rendered rendered = CannedTemplate.parse("Hello {customerName}, by {dueAt}; again {dueAt}.")
                .render(Map.of(Placeholder.CUSTOMER_NAME, "Dana", Placeholder.DUE_AT, " "));

        assertThat(rendered.text()).isEqualTo("Hello Dana, by {dueAt}; again {dueAt}.");
        assertThat(rendered.missing()).containsExactly(Placeholder.DUE_AT);
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        CannedTemplate template = CannedTemplate.parse("Use {{reference}} as in {{x}}: {reference}");

        assertThat(template.placeholders()).containsExactly(Placeholder.REFERENCE);
        assertThat(template.render(Map.of(Placeholder.REFERENCE, "TK-1")).text()).isEqualTo("Use {reference} as in {x}: TK-1");
    }

    @Test
    void valuesAreInsertedVerbatimAndNeverParsedAgain() {
        assertThat(CannedTemplate.parse("Hi {customerName}").render(Map.of(Placeholder.CUSTOMER_NAME, "{agentName}")).text())
                .isEqualTo("Hi {agentName}");
    }

    @Test
    void refusesAnUnknownPlaceholderNamingIt() {
        assertThatThrownBy(() -> CannedTemplate.parse("Dear {customer}, thanks")).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("'{customer}'").hasMessageContaining("{customerName}");
    }

    @Test
    void placeholderNamesAreCaseSensitive() {
        assertThatThrownBy(() -> CannedTemplate.parse("{CustomerName}")).hasMessageContaining("'{CustomerName}'");
    }

    @Test
    void refusesAnEmptyPlaceholder() {
        assertThatThrownBy(() -> CannedTemplate.parse("a {} b")).hasMessageContaining("'{}'");
    }

    @Test
    void refusesABraceLeftOpen() {
        assertThatThrownBy(() -> CannedTemplate.parse("Hello {customerName")).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("Unbalanced '{' at position 7");
    }

    @Test
    void refusesABraceOpenedAgainBeforeItCloses() {
        assertThatThrownBy(() -> CannedTemplate.parse("{customer{reference}"))
                .hasMessageContaining("Unbalanced '{' at position 1");
    }

    @Test
    void refusesAPlaceholderSpanningLines() {
        assertThatThrownBy(() -> CannedTemplate.parse("{customer\nName}")).hasMessageContaining("Unbalanced '{'");
    }

    @Test
    void refusesAClosingBraceNeverOpened() {
        assertThatThrownBy(() -> CannedTemplate.parse("Done } now")).hasMessageContaining("Unbalanced '}' at position 6");
    }

    @Test
    void textWithoutPlaceholdersRendersUnchanged() {
        assertThat(CannedTemplate.parse("Thank you!").render(Map.of()).text()).isEqualTo("Thank you!");
        assertThat(CannedTemplate.parse("").render(Map.of()).text()).isEmpty();
    }
}
