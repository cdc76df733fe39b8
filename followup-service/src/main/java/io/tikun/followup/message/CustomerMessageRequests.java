package io.tikun.followup.message;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.outbox.EventJson;
import io.tikun.followup.outbox.OutboxMessage;
import io.tikun.followup.outbox.OutboxRepository;
import io.tikun.followup.verification.CustomerLanguage;

/**
 * Asks intake to deliver a message to a customer: a {@code customer.messages.requested} outbox row and its
 * {@code customer_message} row, in the caller's transaction, so the message goes out if and only if the change that
 * causes it commits. A message id already requested is not requested again (the id is stable per message, so a
 * retried or repeated cause asks once).
 */
@ApplicationScoped
public class CustomerMessageRequests {

    /** Whom and what the message is about. */
    public record Target(UUID commitmentId, UUID caseId, String complaintId, String customerId, String reference) {
    }

    private final CustomerMessageRepository messages;
    private final OutboxRepository outbox;
    private final EventJson json;
    private final Clock clock;

    public CustomerMessageRequests(CustomerMessageRepository messages, OutboxRepository outbox, EventJson json,
            Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** {@code followup:verify:<commitmentId>:<n>}, the question after the n-th claim. */
    public static String verifyId(UUID commitmentId, int claim) {
        return "followup:verify:" + commitmentId + ":" + claim;
    }

    /** {@code followup:verify-reminder:<commitmentId>:<n>}, the question asked again for the n-th claim. */
    public static String verifyReminderId(UUID commitmentId, int claim) {
        return "followup:verify-reminder:" + commitmentId + ":" + claim;
    }

    public static String thankYouId(UUID commitmentId) {
        return "followup:thank-you:" + commitmentId;
    }

    public static String surveyId(UUID caseId) {
        return "followup:survey:" + caseId;
    }

    /**
     * Joins the caller's transaction. Returns the outbox row's id, for the caller to publish once committed; empty when
     * this message id was requested before.
     */
    public Uni<Optional<UUID>> request(String messageId, Target target, CustomerMessageKind kind,
            CustomerLanguage language, CustomerMessageDraft draft) {
        return messages.findById(messageId).chain(existing -> {
            if (existing != null) {
                Log.debugf("Customer message %s was requested before; not again", messageId);
                return Uni.createFrom().item(Optional.<UUID> empty());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            CustomerMessageRequested event = CustomerMessageRequested.of(messageId, target, kind, language, draft, now);
            OutboxMessage row = OutboxMessage.of(CustomerMessageRequested.TOPIC, target.customerId(),
                    CustomerMessageRequested.TYPE, json.write(event), now);
            CustomerMessage message = new CustomerMessage();
            message.messageId = messageId;
            message.commitmentId = target.commitmentId();
            message.caseId = target.caseId();
            message.complaintId = target.complaintId();
            message.customerId = target.customerId();
            message.reference = target.reference();
            message.kind = kind;
            message.language = language.code();
            message.subject = draft.subject();
            message.requestedAt = now;
            message.status = CustomerMessage.REQUESTED;
            return messages.persist(message).chain(() -> outbox.persist(row)).replaceWith(Optional.of(row.id));
        });
    }
}
