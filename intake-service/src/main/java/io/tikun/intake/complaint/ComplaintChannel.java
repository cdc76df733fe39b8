package io.tikun.intake.complaint;

/** The channels a complaint arrives by, as events name them ({@code channel} in the contracts). */
public enum ComplaintChannel {
    WEB("web"),
    EMAIL("email"),
    META("meta"),
    X("x"),
    /** A network posting in Tikun's generic webhook format. */
    WEBHOOK("webhook");

    private final String wire;

    ComplaintChannel(String wire) {
        this.wire = wire;
    }

    /** The value in events and the API. */
    public String wire() {
        return wire;
    }
}
