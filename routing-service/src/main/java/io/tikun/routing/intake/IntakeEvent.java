package io.tikun.routing.intake;

import java.util.Optional;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.routing.outbox.EventJson;

/** One readable event of intake's {@code complaints.received} topic (or its urgent lane), with its CloudEvent id. */
public sealed interface IntakeEvent {

    String MESSAGE_ADDED = "tikun.complaint.message-added";

    String eventId();

    /** A new complaint: opens its case. */
    record Received(String eventId, ComplaintReceived complaint) implements IntakeEvent {
    }

    /** The customer wrote again on a complaint: joins its case. */
    record Added(String eventId, MessageAdded message) implements IntakeEvent {
    }

    /**
     * Reads a message; an {@link IllegalArgumentException} with the reason when it has no CloudEvent id, is not JSON
     * or lacks a field routing needs (such a message goes to the dead-letter topic).
     */
    static IntakeEvent read(Message<String> message, EventJson json) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        String eventId = cloudEvent.map(IncomingCloudEventMetadata::getId).orElse(null);
        if (eventId == null) {
            throw new IllegalArgumentException("message has no CloudEvent id (ce_id)");
        }
        if (MESSAGE_ADDED.equals(cloudEvent.get().getType())) {
            try {
                MessageAdded added = json.read(message.getPayload(), MessageAdded.class);
                added.requireComplete();
                return new Added(eventId, added);
            } catch (Exception e) {
                throw new IllegalArgumentException("unreadable message-added event: " + e.getMessage(), e);
            }
        }
        try {
            ComplaintReceived complaint = json.read(message.getPayload(), ComplaintReceived.class);
            complaint.requireComplete();
            return new Received(eventId, complaint);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable complaints.received event: " + e.getMessage(), e);
        }
    }
}
