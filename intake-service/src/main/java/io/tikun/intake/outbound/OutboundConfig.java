package io.tikun.intake.outbound;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbound channel gateway ({@code tikun.intake.outbound.*}). */
@ConfigMapping(prefix = "tikun.intake.outbound")
public interface OutboundConfig {

    /**
     * Reply-To of every customer mail: the support mailbox the IMAP import reads, so a customer's answer comes back into
     * intake. Without it, answers go to {@code quarkus.mailer.from}.
     */
    Optional<String> replyTo();

    /** How often the dispatcher looks for due messages (a scheduler period such as {@code 2s}). */
    @WithDefault("2s")
    String dispatchEvery();

    /**
     * How long a dispatcher instance owns a message it claimed; another instance may take it over only after this.
     * A send still running after half of it is given up on (and retried), so it never outlives the claim.
     */
    @WithDefault("PT60S")
    Duration claimFor();

    /** Wait before the second attempt when the provider named no Retry-After; doubled on each further attempt. */
    @WithDefault("PT10S")
    Duration firstBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("PT30M")
    Duration maxBackoff();

    /** Attempts after which a message that keeps being refused temporarily is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Messages one dispatcher pass sends at most. */
    @WithDefault("50")
    int batchSize();
}
