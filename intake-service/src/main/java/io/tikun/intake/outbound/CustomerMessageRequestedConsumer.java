package io.tikun.intake.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.ConversationRepository;

/**
 * Takes routing's and follow-up's requests to write to a customer ({@code customer.messages.requested}) into
 * {@code customer_messages}, once per messageId, for the dispatcher to send. A request that breaks the contract goes
 * to {@code customer.messages.requested.dlq} with the reason; one for a complaint intake does not know is FAILED at
 * once, announced like any other outcome.
 */
@ApplicationScoped
public class CustomerMessageRequestedConsumer {

    private final CustomerMessageRepository messages;
    private final ConversationRepository conversations;
    private final StatusEventOutbox statusEvents;
    private final ObjectMapper mapper;
    private final IntakeConfig.ConsumerRetry retry;
    private final Clock clock;

    public CustomerMessageRequestedConsumer(CustomerMessageRepository messages, ConversationRepository conversations,
            StatusEventOutbox statusEvents, ObjectMapper mapper, IntakeConfig config, Clock clock) {
        this.messages = messages;
        this.conversations = conversations;
        this.statusEvents = statusEvents;
        this.mapper = mapper;
        this.retry = config.consumerRetry();
        this.clock = clock;
    }

    @Incoming("customer-messages-requested")
    public Uni<Void> onRequested(Message<String> message) {
        CustomerMessageRequest request;
        try {
            request = mapper.readValue(message.getPayload(), CustomerMessageRequest.class);
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable request: " + e.getMessage()));
        }
        if (request == null) {
            return reject(message, new IllegalArgumentException("empty request"));
        }
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return reject(message, new IllegalArgumentException("invalid request " + request.messageId() + ": "
                    + String.join("; ", problems)));
        }
        return take(request)
                .onFailure().retry().withBackOff(retry.firstBackoff(), retry.maxBackoff()).atMost(retry.attempts())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    /** Stores the request once; an unknown complaint's request is stored FAILED with its status event. */
    Uni<Void> take(CustomerMessageRequest request) {
        Instant now = clock.instant();
        return conversations.thread(request.complaintId()).chain(thread -> {
            if (thread != null) {
                return messages.insertPending(request, now).invoke(stored -> {
                    if (!stored) {
                        Log.debugf("Customer message %s was requested before", request.messageId());
                    }
                }).replaceWithVoid();
            }
            String reason = "unknown complaint " + request.complaintId();
            return messages.insertFailed(request, null, reason,
                    statusEvents.event(request, null, CustomerMessageStatus.Status.FAILED, reason, null, 0, now), now)
                    .chain(stored -> stored ? statusEvents.publishNow(request.messageId()) : Uni.createFrom().voidItem());
        });
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a %s message: %s", CustomerMessageRequest.TOPIC, reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
