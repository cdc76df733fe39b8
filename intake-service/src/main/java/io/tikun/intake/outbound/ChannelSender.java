package io.tikun.intake.outbound;

import io.smallrye.mutiny.Uni;

/** Delivers customer messages on one kind of channel (e-mail, Meta, X, a generic network). */
public interface ChannelSender {

    /** True when this sender delivers to this destination. */
    boolean handles(Destination destination);

    /**
     * One attempt. Provider answers map to an outcome: 2xx {@link DeliveryOutcome.Sent}, 429/5xx/timeouts
     * {@link DeliveryOutcome.RetryLater} (with {@code Retry-After} when given), other 4xx {@link DeliveryOutcome.Failed}
     * with the provider's error text in the reason. The returned Uni does not fail for provider errors.
     */
    Uni<DeliveryOutcome> send(OutboundMessage message);
}
