package io.tikun.followup.complaint;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * How the event consumers (complaints, cases, customer message status) acknowledge, retry and dead-letter, as
 * {@code CommitmentMadeConsumer} does.
 */
public final class FeedMessages {

    // A failure to apply a well-formed event is the database's, not the message's: retry for about three minutes
    // (200 ms doubling up to 30 s) before the message goes to the dead-letter topic.
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private FeedMessages() {
    }

    public static <T> Uni<Void> applyWithRetry(Message<String> message, String topic, Supplier<Uni<T>> apply) {
        return Uni.createFrom().deferred(() -> apply.get())
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, topic, failure.getMessage()));
    }

    public static Uni<Void> reject(Message<String> message, String topic, String reason) {
        Log.errorf("Dead-lettering a %s message: %s", topic, reason);
        return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(reason)));
    }
}
