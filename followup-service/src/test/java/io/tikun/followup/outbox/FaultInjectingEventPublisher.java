package io.tikun.followup.outbox;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The service's publisher in @QuarkusTests: publishes to the test broker as in production, except that a test can
 * make the first attempt at chosen messages fail, as a broker that refuses them would.
 */
@Alternative
@Priority(1)
// A singleton, not a normal scope: the class it extends has no no-argument constructor for a client proxy.
@Singleton
public class FaultInjectingEventPublisher extends EventPublisher {

    private final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();

    public FaultInjectingEventPublisher(@Channel("events") MutinyEmitter<String> emitter) {
        super(emitter);
    }

    /** The next attempt to publish this message fails; later ones go through. */
    public void failNextAttemptAt(UUID messageId) {
        failOnce.add(messageId);
    }

    @Override
    public Uni<Void> publish(OutboxMessage message) {
        if (failOnce.remove(message.id)) {
            return Uni.createFrom().failure(new IllegalStateException("injected: the broker refused " + message.id));
        }
        return super.publish(message);
    }
}
