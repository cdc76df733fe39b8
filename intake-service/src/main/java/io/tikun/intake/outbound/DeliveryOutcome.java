package io.tikun.intake.outbound;

import java.time.Duration;

/** What a {@link ChannelSender} made of one attempt. Senders return an outcome; they do not throw for provider errors. */
public sealed interface DeliveryOutcome {

    /** The provider accepted the message; {@code providerMessageId} is its id there (may be null if none is returned). */
    record Sent(String providerMessageId) implements DeliveryOutcome {
    }

    /**
     * Worth trying again: a 5xx, a 429, a timeout or a refused connection.
     *
     * @param after the provider's {@code Retry-After}, or null to let the gateway back off by itself
     */
    record RetryLater(Duration after, String reason) implements DeliveryOutcome {
    }

    /** Given up for good: a 4xx other than 429, or no outbound configuration for the channel. */
    record Failed(String reason) implements DeliveryOutcome {
    }
}
