package io.tikun.followup.routing;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.followup.commitment.CommitmentService;

/**
 * Starts tracking every promise routing announces. Idempotent on the CloudEvent id; unreadable
 * messages go to {@code commitments.made.dlq} with the reason.
 */
@ApplicationScoped
public class CommitmentMadeConsumer {

    // A failure to apply a well-formed event is the database's, not the message's: retry for
    // about three minutes (200 ms doubling up to 30 s) before the message goes to the dead-letter topic.
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private final CommitmentService commitments;
    private final ObjectMapper mapper;

    public CommitmentMadeConsumer(CommitmentService commitments, ObjectMapper mapper) {
        this.commitments = commitments;
        this.mapper = mapper;
    }

    @Incoming("commitments-made")
    public Uni<Void> onCommitmentMade(Message<String> message) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return reject(message, new IllegalArgumentException("message has no CloudEvent id (ce_id)"));
        }
        CommitmentMade made;
        try {
            made = mapper.readValue(message.getPayload(), CommitmentMade.class);
            made.requireComplete();
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable commitments.made event: " + e.getMessage()));
        }
        return commitments.track(eventId.get(), made)
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a commitments.made message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
