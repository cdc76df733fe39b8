package io.tikun.routing.canned;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A canned text parsed into literal runs and placeholders. {@code {name}} is a placeholder, {@code {{} and
 * {@code }}} are literal braces; anything else in braces, or a brace left open or never opened, is refused.
 */
public final class CannedTemplate {

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    private record Slot(Placeholder placeholder) implements Part {
    }

    /** Rendered text and the placeholders that had no value (left in the text as written, for the agent to fill). */
    public record Rendered(String text, Set<Placeholder> missing) {
    }

    private final List<Part> parts;

    private CannedTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Parses {@code text}.
     *
     * @throws InvalidTemplateException naming the unknown placeholder or the stray brace and where it is
     */
    public static CannedTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (ch == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (ch == '}') {
                throw new InvalidTemplateException("Unbalanced '}' at position " + (i + 1)
                        + " (write '}}' for a literal brace).");
            } else if (ch == '{') {
                int close = closingBrace(text, i);
                String name = text.substring(i + 1, close);
                Placeholder placeholder = Placeholder.named(name)
                        .orElseThrow(() -> new InvalidTemplateException(
                                "Unknown placeholder '{" + name + "}'; known: " + Placeholder.known() + "."));
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Slot(placeholder));
                i = close + 1;
            } else {
                literal.append(ch);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new CannedTemplate(List.copyOf(parts));
    }

    private static int closingBrace(String text, int open) {
        for (int j = open + 1; j < text.length(); j++) {
            char ch = text.charAt(j);
            if (ch == '}') {
                return j;
            }
            if (ch == '{' || ch == '\n') {
                break;
            }
        }
        throw new InvalidTemplateException("Unbalanced '{' at position " + (open + 1)
                + " (write '{{' for a literal brace).");
    }

    /** The placeholders the text uses, in order of first use. */
    public Set<Placeholder> placeholders() {
        Set<Placeholder> used = new LinkedHashSet<>();
        parts.forEach(part -> {
            if (part instanceof Slot slot) {
                used.add(slot.placeholder());
            }
        });
        return used;
    }

    /** The text with each placeholder replaced by its value; a placeholder without a (non-blank) value stays as written. */
    public Rendered render(Map<Placeholder, String> values) {
        StringBuilder text = new StringBuilder();
        Set<Placeholder> missing = new LinkedHashSet<>();
        Map<Placeholder, String> known = values.isEmpty() ? Map.of() : new EnumMap<>(values);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else if (part instanceof Slot slot) {
                String value = known.get(slot.placeholder());
                if (value == null || value.isBlank()) {
                    missing.add(slot.placeholder());
                    text.append('{').append(slot.placeholder().token()).append('}');
                } else {
                    text.append(value);
                }
            }
        }
        return new Rendered(text.toString(), missing);
    }
}
