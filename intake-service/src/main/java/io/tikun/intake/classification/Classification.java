package io.tikun.intake.classification;

import java.util.List;

/**
 * What a complaint is about: the product (null when it names none), the category ({@code other} when no category's
 * words occur) with the words that decided it, and the order numbers it mentions.
 */
public record Classification(ProductMatch product, String category, List<String> categoryEvidence,
        List<String> orderNumbers) {

    /** What complaints stored before classification existed read as. */
    public static final Classification UNCLASSIFIED = new Classification(null, CategoryLexicon.OTHER, List.of(),
            List.of());

    public Classification {
        categoryEvidence = categoryEvidence == null ? List.of() : List.copyOf(categoryEvidence);
        orderNumbers = orderNumbers == null ? List.of() : List.copyOf(orderNumbers);
    }

    /** A catalogue product and the customer's words that named it (a name, an alias or a model number). */
    public record ProductMatch(String id, String name, List<String> evidence) {

        public ProductMatch {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
