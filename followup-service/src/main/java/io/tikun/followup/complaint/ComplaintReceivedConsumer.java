package io.tikun.followup.complaint;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Files each new complaint intake announces under its customer, with whether the customer threatened to leave. The
 * topic also carries {@code tikun.complaint.message-added}, which follow-up does not need: acknowledged, not applied.
 * Idempotent on the CloudEvent id; unreadable messages go to {@code complaints.received.dlq} with the reason. HIGH and
 * CRITICAL complaints come on the urgent lane ({@code complaints.received.urgent}, same contract, own consumer): the
 * same handler files them, and an event seen on both lanes is filed once.
 */
@ApplicationScoped
public class ComplaintReceivedConsumer {

    static final String TYPE = "tikun.complaint.received";

    private final ComplaintFeedService feed;
    private final ObjectMapper mapper;

    public ComplaintReceivedConsumer(ComplaintFeedService feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @Incoming("complaints-received-urgent")
    public Uni<Void> onUrgentComplaintReceived(Message<String> message) {
        return onComplaintReceived(message);
    }

    @Incoming("complaints-received")
    public Uni<Void> onComplaintReceived(Message<String> message) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        if (cloudEvent.isEmpty() || cloudEvent.get().getId() == null) {
            return FeedMessages.reject(message, "complaints.received", "message has no CloudEvent id (ce_id)");
        }
        if (!TYPE.equals(cloudEvent.get().getType())) {
            return Uni.createFrom().completionStage(message.ack());
        }
        ComplaintReceived received;
        try {
            received = mapper.readValue(message.getPayload(), ComplaintReceived.class);
            received.requireComplete();
        } catch (Exception e) {
            return FeedMessages.reject(message, "complaints.received",
                    "unreadable complaints.received event: " + e.getMessage());
        }
        return FeedMessages.applyWithRetry(message, "complaints.received",
                () -> feed.complaintReceived(cloudEvent.get().getId(), received)
                        .invoke(outcome -> Log.debugf("complaints.received %s: %s", received.reference(), outcome)));
    }
}
