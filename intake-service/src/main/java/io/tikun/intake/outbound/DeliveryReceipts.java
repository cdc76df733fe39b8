package io.tikun.intake.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Turns a network's delivery receipts (WhatsApp's {@code delivered}/{@code read} statuses, Messenger's
 * {@code delivery.mids}) into DELIVERED, and WhatsApp's {@code failed} status or an e-mail bounce into FAILED with the
 * network's reason, for the messages the gateway sent, each announced once on {@code customer.messages.status}. A
 * receipt for a message Tikun did not send, or one no longer SENT, changes nothing; nor does a bounce naming another
 * address than the one the mail went to. A store failure fails the webhook, so the
 * network delivers the receipt again.
 */
@ApplicationScoped
public class DeliveryReceipts {

    private final CustomerMessageRepository messages;
    private final StatusEventOutbox statusEvents;
    private final Clock clock;

    public DeliveryReceipts(CustomerMessageRepository messages, StatusEventOutbox statusEvents, Clock clock) {
        this.messages = messages;
        this.statusEvents = statusEvents;
        this.clock = clock;
    }

    /** Records what a Meta webhook reports; returns how many messages changed state. */
    public Uni<Integer> record(DeliveryReport report) {
        return delivered(report.delivered()).chain(delivered -> failed(report.failed()).map(failed -> delivered + failed));
    }

    /** Records that the network (or a bounce) gave up on these messages; returns how many became FAILED. */
    public Uni<Integer> failed(List<DeliveryReport.Failure> failures) {
        return countChanged(failures, this::failed);
    }

    private Uni<Boolean> failed(DeliveryReport.Failure failure) {
        return messages.findSentByProviderId(failure.providerId()).chain(message -> {
            if (message == null) {
                return Uni.createFrom().item(false);
            }
            CustomerMessageRequest r = message.request();
            if (!failure.concerns(message.sentTo())) {
                // A forged bounce naming the Message-ID of a mail to someone else must not fail that mail.
                Log.warnf("A failure report for customer message %s names none of the addresses it went to: ignored",
                        r.messageId());
                return Uni.createFrom().item(false);
            }
            Instant now = clock.instant();
            return messages.markFailedAfterSending(r.messageId(), failure.reason(), statusEvents.event(r,
                    message.channel(), CustomerMessageStatus.Status.FAILED, failure.reason(), message.providerMessageId(),
                    message.attempts(), now), now)
                    .call(marked -> marked ? statusEvents.publishNow(r.messageId()) : Uni.createFrom().voidItem());
        });
    }

    /** Records the receipts for these provider message ids; returns how many messages became DELIVERED. */
    public Uni<Integer> delivered(List<String> providerIds) {
        return countChanged(providerIds, this::delivered);
    }

    private Uni<Boolean> delivered(String providerId) {
        return messages.findSentByProviderId(providerId).chain(message -> {
            if (message == null) {
                return Uni.createFrom().item(false);
            }
            Instant now = clock.instant();
            CustomerMessageRequest r = message.request();
            return messages.markDelivered(r.messageId(), statusEvents.event(r, message.channel(),
                    CustomerMessageStatus.Status.DELIVERED, null, message.providerMessageId(), message.attempts(), now),
                    now)
                    .call(marked -> marked ? statusEvents.publishNow(r.messageId()) : Uni.createFrom().voidItem());
        });
    }

    /** Applies {@code change} to each item in turn; returns how many it changed. */
    private static <T> Uni<Integer> countChanged(List<T> items, Function<T, Uni<Boolean>> change) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().<T> iterable(items).onItem().transformToUniAndConcatenate(item -> change.apply(item))
                .collect().asList().map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
    }
}
