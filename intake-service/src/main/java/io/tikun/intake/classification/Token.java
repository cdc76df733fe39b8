package io.tikun.intake.classification;

/** One normalized word of a text and where it stands in the original, so evidence quotes what the customer wrote. */
record Token(String term, int start, int end) {
}
