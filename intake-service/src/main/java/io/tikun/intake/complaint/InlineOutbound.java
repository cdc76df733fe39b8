package io.tikun.intake.complaint;

import java.util.List;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.events.OutboundSender;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.events.UrgentLane;

/**
 * Sends a complaint's outbox entries (its events, the customer's acknowledgement) as soon as the
 * complaint is stored, in the background: the channel's answer never waits for the broker or the
 * mail server, and routing still hears of the complaint within milliseconds. At most
 * {@code tikun.intake.outbox.inline-in-flight} complaints' events are being published at once, and as many
 * acknowledgements mailed; beyond that, and whenever a send fails or times out, the entries simply stay pending in
 * the complaint's document, where {@link ComplaintOutboxRelay} finds and sends them. Events and mails hold permits of
 * their own: a slow mail server fills only the mails' and never leaves an event to the relay. Urgent complaints' events
 * (on the urgent lane) count against {@code tikun.intake.outbox.urgent-in-flight} instead, so a storm of ordinary
 * complaints that saturates inline publishing never leaves an urgent one to wait for the relay.
 */
@ApplicationScoped
public class InlineOutbound {

    private final OutboundSender sender;
    private final PublishedMarks published;
    private final IntakeConfig.Outbox config;
    private final Semaphore inFlight;
    private final Semaphore urgentInFlight;
    private final Semaphore mailsInFlight;

    public InlineOutbound(OutboundSender sender, PublishedMarks published, IntakeConfig config) {
        this.sender = sender;
        this.published = published;
        this.config = requireInlineTimeoutBeforeStale(config.outbox());
        this.inFlight = new Semaphore(config.outbox().inlineInFlight());
        this.urgentInFlight = new Semaphore(config.outbox().urgentInFlight());
        this.mailsInFlight = new Semaphore(config.outbox().inlineInFlight());
    }

    /**
     * Refuses an inline timeout that is not shorter than the relay's stale-after: a send given up on may still
     * complete, and the relay would send the same entry again while it can.
     */
    static IntakeConfig.Outbox requireInlineTimeoutBeforeStale(IntakeConfig.Outbox outbox) {
        if (outbox.inlineTimeout().compareTo(outbox.staleAfter()) >= 0) {
            throw new IllegalStateException("tikun.intake.outbox.inline-timeout (" + outbox.inlineTimeout()
                    + ") must be shorter than tikun.intake.outbox.stale-after (" + outbox.staleAfter() + ")");
        }
        return outbox;
    }

    /** Starts sending a stored complaint's events and its mails, each under permits of their own; returns at once. */
    public void sendSoon(String complaintId, List<OutboxEvent> entries) {
        List<OutboxEvent> mails = entries.stream().filter(e -> OutboxEvent.MAIL_TOPIC.equals(e.topic())).toList();
        List<OutboxEvent> events = entries.stream().filter(e -> !OutboxEvent.MAIL_TOPIC.equals(e.topic())).toList();
        sendWithin(complaintId, events,
                events.stream().anyMatch(UrgentLane::isOnUrgentLane) ? urgentInFlight : inFlight);
        sendWithin(complaintId, mails, mailsInFlight);
    }

    private void sendWithin(String complaintId, List<OutboxEvent> entries, Semaphore permits) {
        if (entries.isEmpty()) {
            return;
        }
        if (!permits.tryAcquire()) {
            Log.debugf("Inline sending is saturated; %d entries of complaint %s wait for the relay", entries.size(),
                    complaintId);
            return;
        }
        send(complaintId, entries)
                .onTermination().invoke(permits::release)
                .subscribe().with(sent -> {
                }, failure -> Log.warnf("Outbox of complaint %s left to the relay: %s", complaintId, failure.getMessage()));
    }

    /**
     * Sends the entries side by side and forgets those the broker or mail server accepted, in one update (written
     * together with other complaints' when intake is busy: {@link PublishedMarks}).
     */
    Uni<Void> send(String complaintId, List<OutboxEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndMerge(event -> sender.send(event)
                        .ifNoItem().after(config.inlineTimeout()).fail()
                        .replaceWith(event.id())
                        .onFailure().recoverWithUni(failure -> {
                            Log.warnf("Outbound %s %s for complaint %s not sent yet (%s); the outbox relay will retry",
                                    event.type(), event.id(), complaintId, failure.getMessage());
                            return Uni.createFrom().nullItem();
                        }))
                .collect().asList()
                .chain(sent -> sent.isEmpty() ? Uni.createFrom().voidItem() : published.mark(complaintId, sent));
    }
}
