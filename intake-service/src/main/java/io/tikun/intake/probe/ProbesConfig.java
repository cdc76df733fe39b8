package io.tikun.intake.probe;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the mystery-shopper probes ({@code tikun.intake.probes.*}). */
@ConfigMapping(prefix = "tikun.intake.probes")
public interface ProbesConfig {

    /** Whether the scheduler sends probes; off by default, on in the {@code %probes} profile. */
    @WithDefault("false")
    boolean enabled();

    /** How often one probe per channel is sent, as the scheduler reads it ("1h", "PT30M"). */
    @WithDefault("1h")
    String every();

    /**
     * Channels probed on each run: {@code web} (the complaint form), {@code webhook} (a generic network), {@code email}
     * (a mail to the support mailbox), {@code meta} (a Messenger message), {@code x} (an X direct message).
     */
    @WithDefault("web,webhook")
    List<ProbeChannel> channels();

    /**
     * This service's public address, where the probes enter like a customer's complaint; by default this process's
     * own HTTP port on localhost (read when a run starts, so a random test port is found too).
     */
    Optional<String> baseUrl();

    /** Language of the probe's words: {@code he} or {@code en}. */
    @WithDefault("he")
    String language();

    /** The probe's words per language. */
    Texts texts();

    /** The customer a web probe claims to be (a mailbox operations owns, never a real customer's). */
    WebIdentity web();

    /** The author a generic-network probe claims to be. */
    WebhookIdentity webhook();

    /** Where an e-mail probe is sent; it comes from the web probe's customer ({@link #web()}). */
    EmailProbe email();

    /** The page a Messenger probe writes to, and the sender it claims to be. */
    MetaProbe meta();

    /** The account an X probe writes to, and the sender it claims to be. */
    XProbe x();

    interface MetaProbe {
        /** The Facebook page id the probe's message is sent to (one of the pages this service answers for). */
        Optional<String> pageId();

        /** The page-scoped id the probe claims to be; a real person's id never equals it. */
        @WithDefault("tikun-probe")
        String senderId();
    }

    interface XProbe {
        /** The subscribed account the direct message is sent to; by default the first of the subscribed accounts. */
        Optional<String> accountId();

        @WithDefault("tikun-probe")
        String senderId();

        @WithDefault("Tikun probe")
        String senderName();
    }

    interface EmailProbe {
        /**
         * The support mailbox customers write to, which intake imports; by default
         * {@code tikun.intake.outbound.reply-to}, the mailbox customers' answers go to.
         */
        Optional<String> to();
    }

    interface Texts {
        Text he();

        Text en();
    }

    interface Text {
        String subject();

        String body();
    }

    interface WebIdentity {
        @WithDefault("Tikun probe")
        String name();

        /** Mailbox of the probe customer; its acknowledgements arrive there. */
        @WithDefault("probe@tikun.invalid")
        String email();
    }

    interface WebhookIdentity {
        /** The generic network probed; {@code tikun.channels.webhook.secrets.<network>} signs the delivery. */
        Optional<String> network();

        @WithDefault("tikun-probe")
        String authorId();

        @WithDefault("Tikun probe")
        String authorName();
    }
}
