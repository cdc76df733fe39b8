package io.tikun.followup.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.churn.ChurnOutcome;
import io.tikun.followup.exit.ExitOutcome;
import io.tikun.followup.outbox.EventJson;
import io.tikun.followup.outbox.OutboxMessage;
import io.tikun.followup.outbox.OutboxRepository;
import io.tikun.followup.returns.ReturnConfig;

/**
 * Writes {@code customers.feedback} events to the outbox in the caller's transaction (the relay publishes them, keyed
 * by customer so one customer's events stay in order).
 */
@ApplicationScoped
public class CustomerFeedbackEvents {

    private final OutboxRepository outbox;
    private final EventJson json;
    private final ReturnConfig returns;

    public CustomerFeedbackEvents(OutboxRepository outbox, EventJson json, ReturnConfig returns) {
        this.outbox = outbox;
        this.json = json;
        this.returns = returns;
    }

    public Uni<UUID> csatAnswered(String customerId, UUID caseId, String reference, int score, String comment,
            Instant at) {
        return write(new CustomerFeedback(FeedbackKind.CSAT_ANSWERED, customerId, caseId, reference, score, comment, null,
                null, null, tierOf(customerId), at));
    }

    public Uni<UUID> exitInterviewRecorded(String customerId, UUID caseId, String reference, ExitOutcome outcome,
            String reason, Instant at) {
        return write(new CustomerFeedback(FeedbackKind.EXIT_INTERVIEW_RECORDED, customerId, caseId, reference, null, null,
                null, outcome, reason, tierOf(customerId), at));
    }

    public Uni<UUID> churnWatchOpened(String customerId, String reference, Instant at) {
        return write(new CustomerFeedback(FeedbackKind.CHURN_WATCH_OPENED, customerId, null, reference, null, null,
                ChurnOutcome.UNKNOWN, null, null, tierOf(customerId), at));
    }

    public Uni<UUID> churnOutcome(String customerId, ChurnOutcome outcome, Instant at) {
        return write(new CustomerFeedback(FeedbackKind.CHURN_OUTCOME, customerId, null, null, null, null, outcome, null,
                null, tierOf(customerId), at));
    }

    /** The customer's tier in the return model: their own entry, else the default tier. */
    String tierOf(String customerId) {
        return returns.customerTier().getOrDefault(customerId, returns.defaultTier());
    }

    private Uni<UUID> write(CustomerFeedback event) {
        OutboxMessage message = OutboxMessage.of(CustomerFeedback.TOPIC, event.customerId(), event.type(),
                json.write(event), event.occurredAt());
        return outbox.persist(message).replaceWith(message.id);
    }
}
