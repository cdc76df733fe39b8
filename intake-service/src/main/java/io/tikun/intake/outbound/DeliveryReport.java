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

    /** A message the network gave up on after accepting it, and why, in the network's words. */
    public record Failure(String providerId, String reason) {
    }
}
