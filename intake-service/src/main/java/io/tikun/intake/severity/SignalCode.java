package io.tikun.intake.severity;

/**
 * Every signal intake can put in a complaint's reasons; the {@code complaints.received} schema enumerates exactly
 * these, and the lexicon may only use them (an operator's new code would otherwise reach consumers unannounced).
 */
public enum SignalCode {
    LEGAL_THREAT,
    SAFETY,
    CHURN_INTENT,
    ANGER,
    PUBLIC_EXPOSURE,
    WIDE_REACH,
    REPEAT_COMPLAINTS,
    CUSTOMER_VALUE,
    CEO_ADDRESSED
}
