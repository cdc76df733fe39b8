package io.tikun.followup.message;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.StaffNotices;
import io.tikun.followup.inbox.ProcessedEvent;
import io.tikun.followup.inbox.ProcessedEventRepository;
import io.tikun.followup.message.CustomerMessageStatus.DeliveryStatus;
import io.tikun.followup.outbox.MailDelivery;
import io.tikun.followup.outbox.MailDeliveryRepository;
import io.tikun.followup.problem.NotFoundProblem;

/**
 * Records what intake reports about the messages follow-up requested ({@code customer.messages.status}), once per
 * {@code ce_id} and never back to an earlier state; a failure to reach the customer about a promise e-mails its owner
 * in the same transaction. Lists a promise's messages.
 */
@ApplicationScoped
public class CustomerMessageService {

    /** What became of a status event. */
    public enum Outcome {
        RECORDED,
        /** Recorded, and the promise's owner is e-mailed (the id is in the result). */
        OWNER_TOLD,
        /** Its {@code ce_id} was processed before. */
        DUPLICATE,
        /** Another service's message. */
        NOT_OURS,
        /** A message follow-up has no row for (requested before this version, or purged). */
        UNKNOWN_MESSAGE,
        /** A state no later than the one already held (e.g. SENT after DELIVERED). */
        STALE
    }

    /** The outcome, and the owner's e-mail to send once the transaction committed. */
    public record Applied(Outcome outcome, Optional<UUID> ownerMailId) {

        static Applied of(Outcome outcome) {
            return new Applied(outcome, Optional.empty());
        }
    }

    private static final Map<String, Integer> ORDER = Map.of(CustomerMessage.REQUESTED, 0, DeliveryStatus.SENT.name(),
            1, DeliveryStatus.DELIVERED.name(), 2, DeliveryStatus.FAILED.name(), 3);
    /** The width of {@code customer_message.reason}. */
    static final int MAX_REASON = 1000;

    private final CustomerMessageRepository messages;
    private final ProcessedEventRepository processed;
    private final CommitmentRepository commitments;
    private final MailDeliveryRepository mails;
    private final StaffNotices notices;
    private final Clock clock;

    public CustomerMessageService(CustomerMessageRepository messages, ProcessedEventRepository processed,
            CommitmentRepository commitments, MailDeliveryRepository mails, StaffNotices notices, Clock clock) {
        this.messages = messages;
        this.processed = processed;
        this.commitments = commitments;
        this.mails = mails;
        this.notices = notices;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Applied> statusReported(String eventId, CustomerMessageStatus status) {
        if (!status.requestedByFollowup()) {
            return Uni.createFrom().item(Applied.of(Outcome.NOT_OURS));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(Applied.of(Outcome.DUPLICATE))
                : apply(status, now).call(() -> processed.persist(ProcessedEvent.of(eventId, now))));
    }

    private Uni<Applied> apply(CustomerMessageStatus status, Instant now) {
        return messages.findById(status.messageId()).chain(message -> {
            if (message == null) {
                Log.warnf("Status %s of customer message %s, which follow-up does not know; ignored", status.status(),
                        status.messageId());
                return Uni.createFrom().item(Applied.of(Outcome.UNKNOWN_MESSAGE));
            }
            if (ORDER.get(status.status().name()) <= ORDER.getOrDefault(message.status, 0)) {
                return Uni.createFrom().item(Applied.of(Outcome.STALE));
            }
            message.status = status.status().name();
            message.channel = status.channel() == null ? message.channel : status.channel().name();
            message.reason = cut(status.reason());
            message.providerMessageId = status.providerMessageId();
            message.attempts = status.attempts();
            message.statusAt = status.at();
            if (status.status() != DeliveryStatus.FAILED) {
                return Uni.createFrom().item(Applied.of(Outcome.RECORDED));
            }
            Log.warnf("Customer message %s (%s, %s) could not be delivered: %s", message.messageId, message.kind,
                    message.reference, status.reason());
            return tellOwner(message, now);
        });
    }

    /** A promise's owner must reach the customer another way; a case's survey has no owner to tell (logged above). */
    private Uni<Applied> tellOwner(CustomerMessage message, Instant now) {
        if (message.commitmentId == null) {
            return Uni.createFrom().item(Applied.of(Outcome.RECORDED));
        }
        return commitments.findById(message.commitmentId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(Applied.of(Outcome.RECORDED));
            }
            StaffNotices.Notice notice = notices.deliveryFailed(c, message.kind.name(), message.channel,
                    message.reason);
            MailDelivery mail = MailDelivery.of(c.id, notice.purpose(), notice.recipient(), notice.subject(),
                    notice.text(), now);
            return mails.persist(mail).replaceWith(new Applied(Outcome.OWNER_TOLD, Optional.of(mail.id)));
        });
    }

    /** The messages requested about a promise, oldest first; 404 for an unknown promise. */
    @WithTransaction
    public Uni<List<CustomerMessageView>> forCommitment(UUID commitmentId) {
        return commitments.findById(commitmentId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No commitment with id " + commitmentId))
                .chain(c -> messages.forCommitment(commitmentId))
                .map(found -> found.stream().map(CustomerMessageView::of).toList());
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
