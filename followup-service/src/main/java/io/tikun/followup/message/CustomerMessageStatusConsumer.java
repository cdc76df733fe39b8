package io.tikun.followup.message;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.followup.complaint.FeedMessages;
import io.tikun.followup.outbox.MailRelay;

/**
 * Reads intake's {@code customer.messages.status}: what became of each message follow-up asked intake to deliver.
 * Other requesters' messages are skipped. Idempotent on the CloudEvent id; unreadable messages go to
 * {@code customer.messages.status.dlq} with the reason.
 */
@ApplicationScoped
public class CustomerMessageStatusConsumer {

    static final String TOPIC = "customer.messages.status";

    private final CustomerMessageService service;
    private final MailRelay mails;
    private final ObjectMapper mapper;

    public CustomerMessageStatusConsumer(CustomerMessageService service, MailRelay mails, ObjectMapper mapper) {
        this.service = service;
        this.mails = mails;
        this.mapper = mapper;
    }

    @Incoming("customer-messages-status")
    public Uni<Void> onStatus(Message<String> message) {
        Optional<String> eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return FeedMessages.reject(message, TOPIC, "message has no CloudEvent id (ce_id)");
        }
        CustomerMessageStatus status;
        try {
            status = mapper.readValue(message.getPayload(), CustomerMessageStatus.class);
            status.requireComplete();
        } catch (Exception e) {
            return FeedMessages.reject(message, TOPIC, "unreadable customer.messages.status event: " + e.getMessage());
        }
        return FeedMessages.applyWithRetry(message, TOPIC, () -> service.statusReported(eventId.get(), status)
                .invoke(applied -> Log.debugf("customer.messages.status %s %s: %s", status.messageId(),
                        status.status(), applied.outcome()))
                // After the commit; a failed send is retried by the relay's own pass.
                .call(applied -> applied.ownerMailId().isEmpty() ? Uni.createFrom().voidItem()
                        : mails.sendNow(List.of(applied.ownerMailId().get()))));
    }
}
