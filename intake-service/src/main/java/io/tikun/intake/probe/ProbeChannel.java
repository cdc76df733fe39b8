package io.tikun.intake.probe;

/** A channel a probe can enter through, and the complaint channel it becomes there. */
public enum ProbeChannel {
    /** The public complaint form, {@code GET} then {@code POST /complain}, as a customer's browser does. */
    WEB("web"),
    /** A generic social network's signed webhook, {@code POST /api/v1/channels/webhook/{network}}. */
    WEBHOOK("webhook"),
    /**
     * E-mail is not probed: the inbound mail path is the IMAP import of the support mailbox or the relay's
     * authenticated {@code POST /api/v1/channels/email}; sending through either needs mail-server or channel
     * credentials this service does not hold, so naming it is a configuration error.
     */
    EMAIL("email");

    private final String wire;

    ProbeChannel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
