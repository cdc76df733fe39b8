package io.tikun.routing.notification;

/** The channels a notification goes out on; each is its own stored row with its own delivery state. */
public final class NotificationChannels {

    /** An e-mail (HTML and text) through the mailer, in the recipient's language. */
    public static final String EMAIL = "email";
    /** A signed POST with a Slack-compatible body to the configured URL. */
    public static final String WEBHOOK = "webhook";
    /** The live Server-Sent Events stream of the manager console. */
    public static final String STREAM = "stream";
    /** The recipient recorded for stream notifications: whoever is watching. */
    public static final String STREAM_RECIPIENT = "console";

    private NotificationChannels() {
    }
}
