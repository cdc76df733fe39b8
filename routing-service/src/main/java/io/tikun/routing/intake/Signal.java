package io.tikun.routing.intake;

import java.util.Arrays;

/**
 * The signals intake gives as reasons for a complaint's severity, by intake's names (its severity lexicon and
 * judge). Intake's lexicon is operator-editable, so a signal routing does not know reads as {@link #OTHER} rather than
 * refusing the complaint; IntakeContractTest fails routing's build when intake's contract names a signal routing
 * does not know, or drops one routing relies on.
 */
public enum Signal {
    LEGAL_THREAT,
    SAFETY,
    CHURN_INTENT,
    CEO_ADDRESSED,
    ANGER,
    PUBLIC_EXPOSURE,
    WIDE_REACH,
    /** The customer complained often lately: the case opens one rung higher. */
    REPEAT_COMPLAINTS,
    CUSTOMER_VALUE,
    FINANCIAL_HARM,
    /** The complaint's text says a fault came back; unlike REPEAT_COMPLAINTS it moves no rung, it is shown. */
    REPEATED_FAILURE,
    LONG_WAIT,
    WARRANTY_NOT_HONOURED,
    /** A signal intake added that routing does not know yet; it is still shown by its own name. */
    OTHER;

    public static Signal of(String code) {
        return Arrays.stream(values()).filter(s -> s != OTHER && s.name().equals(code)).findFirst().orElse(OTHER);
    }
}
