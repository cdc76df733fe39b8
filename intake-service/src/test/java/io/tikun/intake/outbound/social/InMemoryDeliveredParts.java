package io.tikun.intake.outbound.social;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/** {@link DeliveredParts} in a map, for tests of the senders without a database. */
final class InMemoryDeliveredParts implements DeliveredParts {

    private final Map<String, Map<String, String>> parts = new ConcurrentHashMap<>();

    @Override
    public Uni<Map<String, String>> of(String messageId) {
        return Uni.createFrom().item(Map.copyOf(parts.getOrDefault(messageId, Map.of())));
    }

    @Override
    public Uni<Void> remember(String messageId, String part, String providerMessageId) {
        parts.computeIfAbsent(messageId, id -> new ConcurrentHashMap<>()).putIfAbsent(part,
                providerMessageId == null ? "" : providerMessageId);
        return Uni.createFrom().voidItem();
    }
}
