package io.tikun.intake.classification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the classification files are, and how long a text is classified off the calling thread. */
@ConfigMapping(prefix = "tikun.intake.classification")
public interface ClassificationConfig {

    /** The product catalogue on the classpath. */
    @WithDefault("classification/products.json")
    String products();

    /** The categories and their words. */
    @WithDefault("classification/categories.json")
    String categories();

    /** The order-number patterns. */
    @WithDefault("classification/order-numbers.json")
    String orderNumbers();

    /** The Hebrew prefixes that may stand before a listed word. */
    @WithDefault("classification/hebrew-prefixes.json")
    String hebrewPrefixes();

    /** Texts longer than this (characters) are classified on a worker thread, never on the thread that received them. */
    @WithDefault("4000")
    int offloadAbove();
}
