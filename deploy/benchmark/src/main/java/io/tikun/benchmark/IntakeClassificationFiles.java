package io.tikun.benchmark;

import io.tikun.intake.classification.ClassificationConfig;

/** Intake's classification settings at their defaults: the catalogue and lexicons in intake's jar. */
final class IntakeClassificationFiles implements ClassificationConfig {

    @Override
    public String products() {
        return "classification/products.json";
    }

    @Override
    public String categories() {
        return "classification/categories.json";
    }

    @Override
    public String orderNumbers() {
        return "classification/order-numbers.json";
    }

    @Override
    public String hebrewPrefixes() {
        return "classification/hebrew-prefixes.json";
    }

    @Override
    public int offloadAbove() {
        return 4000;
    }
}
