package io.tikun.intake.enrichment;

/** Checks that a consumed event carries the fields intake relies on. */
final class EventFields {

    private EventFields() {
    }

    static void require(String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
    }
}
