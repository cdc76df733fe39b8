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
    CEO_ADDRESSED,
    /** Money taken wrongly or not given back: a double charge, a billing error, a refund that never came. */
    FINANCIAL_HARM,
    /** The same fault, or the same failure of ours, again: "broke again", "for the third time", "שוב". */
    REPEATED_FAILURE,
    /** The customer has waited weeks or months: "three weeks", "over a month", "כבר חודש". */
    LONG_WAIT,
    /** A warranty or service contract we refuse or fail to honour. */
    WARRANTY_NOT_HONOURED
}
