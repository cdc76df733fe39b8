package io.tikun.routing.intake;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.tikun.routing.cases.CaseService;
import io.tikun.routing.notification.NotificationDispatcher;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Opens a case for every complaint intake announces. Idempotent on the CloudEvent id; a message
 * that cannot be understood goes to {@code complaints.received.dlq} with the reason, never lost. HIGH and CRITICAL
 * complaints arrive on the urgent lane ({@code complaints.received.urgent}, same contract) through a consumer of its
 * own, so they never wait behind a backlog of ordinary ones; both lanes go through the same handler, and the
 * idempotency on the CloudEvent id holds across them (an event delivered on both opens one case).
 */
@ApplicationScoped
public class ComplaintReceivedConsumer {

    // A failure to apply a well-formed event is the database's, not the message's: retry for
    // about three minutes (200 ms doubling up to 30 s) before the message goes to the dead-letter topic.
    static final String MESSAGE_ADDED = "tikun.complaint.message-added";
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 12;

    private final CaseService cases;
    private final OutboxRelay relay;
    private final NotificationDispatcher dispatcher;
    private final EventJson json;

    public ComplaintReceivedConsumer(CaseService cases, OutboxRelay relay, NotificationDispatcher dispatcher,
            EventJson json) {
        this.cases = cases;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Incoming("complaints-received-urgent")
    public Uni<Void> onUrgentComplaintReceived(Message<String> message) {
        return onComplaintReceived(message);
    }

    @Incoming("complaints-received")
    public Uni<Void> onComplaintReceived(Message<String> message) {
        Optional<IncomingCloudEventMetadata> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class);
        Optional<String> eventId = cloudEvent.map(IncomingCloudEventMetadata::getId);
        if (eventId.isEmpty()) {
            return reject(message, new IllegalArgumentException("message has no CloudEvent id (ce_id)"));
        }
        String type = cloudEvent.get().getType();
        if (MESSAGE_ADDED.equals(type)) {
            return onMessageAdded(eventId.get(), message);
        }
        ComplaintReceived complaint;
        try {
            complaint = json.read(message.getPayload(), ComplaintReceived.class);
            complaint.requireComplete();
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable complaints.received event: " + e.getMessage()));
        }
        return cases.open(eventId.get(), complaint)
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .invoke(opening -> opening.onCommitted().run())
                .call(opening -> relay.publishNow(opening.outboxIds()))
                .call(opening -> dispatcher.deliverNow(opening.notificationIds())
                        .onFailure().recoverWithItem(failure -> {
                            Log.warnf("Alert delivery deferred to the scheduler: %s", failure.getMessage());
                            return null;
                        }))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    /** A customer's further message on a complaint joins its case and starts the unanswered-reply timer. */
    private Uni<Void> onMessageAdded(String eventId, Message<String> message) {
        MessageAdded added;
        try {
            added = json.read(message.getPayload(), MessageAdded.class);
            added.requireComplete();
        } catch (Exception e) {
            return reject(message, new IllegalArgumentException("unreadable message-added event: " + e.getMessage()));
        }
        return cases.customerWrote(eventId, added)
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).atMost(ATTEMPTS)
                .invoke(joined -> {
                    if (!joined) {
                        Log.debugf("Message %s of complaint %s changed nothing (duplicate or no case)", added.messageId(),
                                added.complaintId());
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> reject(message, failure));
    }

    private static Uni<Void> reject(Message<String> message, Throwable reason) {
        Log.errorf("Dead-lettering a complaints.received message: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
