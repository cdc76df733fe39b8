package io.tikun.intake.probe;

/** A channel a probe can enter through, and the complaint channel it becomes there. */
public enum ProbeChannel {
    /** The public complaint form, {@code GET} then {@code POST /complain}, as a customer's browser does. */
    WEB("web"),
    /** A generic social network's signed webhook, {@code POST /api/v1/channels/webhook/{network}}. */
    WEBHOOK("webhook"),
    /**
     * A mail from the probe customer's address to the support mailbox, sent through the SMTP server customer mails
     * leave by: it enters as customers' mail does (the IMAP import of the mailbox, or the relay's post), so its time to
     * acknowledgement includes the mailbox's delay.
     */
    EMAIL("email"),
    /**
     * A Messenger message to the page, in Meta's documented webhook shape, signed with the app secret
     * ({@code X-Hub-Signature-256}), posted to {@code POST /api/v1/channels/meta} as Meta would.
     */
    META("meta"),
    /**
     * A direct message to a subscribed account, in X's Account Activity shape, signed with the consumer secret
     * ({@code x-twitter-webhooks-signature}), posted to {@code POST /api/v1/channels/x} as X would.
     */
    X("x");

    private final String wire;

    ProbeChannel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
