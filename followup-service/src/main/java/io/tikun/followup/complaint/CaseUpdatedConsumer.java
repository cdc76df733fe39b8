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
 * Follows the cases routing opens for customers' complaints; a {@code resolved} case of a churn-intent complaint
 * without a kept promise opens an exit interview. Idempotent on the CloudEvent id; unreadable messages go to
 * {@code cases.updated.dlq} with the reason.
 */
@ApplicationScoped
public class CaseUpdatedConsumer {

    private final ComplaintFeedService feed;
    private final ObjectMapper mapper;

    public CaseUpdatedConsumer(ComplaintFeedService feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @Incoming("cases-updated")
    public Uni<Void> onCaseUpdated(Message<String> message) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return FeedMessages.reject(message, "cases.updated", "message has no CloudEvent id (ce_id)");
        }
        CaseUpdated update;
        try {
            update = mapper.readValue(message.getPayload(), CaseUpdated.class);
            update.requireComplete();
        } catch (Exception e) {
            return FeedMessages.reject(message, "cases.updated", "unreadable cases.updated event: " + e.getMessage());
        }
        return FeedMessages.applyWithRetry(message, "cases.updated", () -> feed.caseUpdated(eventId.get(), update)
                .invoke(outcome -> Log.debugf("cases.updated %s %s: %s", update.reference(), update.change(), outcome)));
    }
}
