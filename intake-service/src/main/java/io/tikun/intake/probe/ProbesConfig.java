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

    /** Channels probed on each run: {@code web} (the complaint form), {@code webhook} (a generic network). */
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
