package io.tikun.intake.outbound;

import java.util.List;

/**
 * What a network's webhook says about messages the gateway sent: the provider ids reported delivered, and those
 * reported failed with the reason the network gave.
 */
public record DeliveryReport(List<String> delivered, List<Failure> failed) {

    public static final DeliveryReport NONE = new DeliveryReport(List.of(), List.of());

    public DeliveryReport {
        delivered = List.copyOf(delivered);
        failed = List.copyOf(failed);
    }

    /**
     * A message the network gave up on after accepting it, and why, in the network's words.
     *
     * @param recipients for a report anyone could have sent (an e-mail bounce): the addresses it says failed, of which
     *        the message must have gone to one; null for a network's signed webhook, which needs no such check
     */
    public record Failure(String providerId, String reason, List<String> recipients) {

        public Failure {
            recipients = recipients == null ? null : List.copyOf(recipients);
        }

        /** A failure reported by the network itself over a signed webhook. */
        public Failure(String providerId, String reason) {
            this(providerId, reason, null);
        }

        /** True when this report may fail a message that went to {@code sentTo} (null when not known). */
        public boolean concerns(String sentTo) {
            return recipients == null || sentTo != null && recipients.stream().anyMatch(sentTo::equalsIgnoreCase);
        }
    }
}
