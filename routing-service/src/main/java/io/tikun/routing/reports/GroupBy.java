package io.tikun.routing.reports;

/** What the response-times report groups by. */
public enum GroupBy {
    AGENT,
    CHANNEL,
    SEVERITY;

    /** The group a measurement falls into. */
    String keyOf(ResponseMeasure measure) {
        return switch (this) {
            case AGENT -> measure.agent();
            case CHANNEL -> measure.channel();
            case SEVERITY -> measure.severity().name();
        };
    }
}
