package io.tikun.intake.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.InjectableBean;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.ComplaintRepository;

/**
 * Sends due customer messages, each attempt by exactly one instance: a message is claimed with a lease
 * ({@code claim-for}) in one atomic update, and what became of the attempt is recorded only while the lease is still
 * this instance's. A message whose holder died is claimed again once its lease ran out. The channel's
 * {@link ChannelSender} is any bean that handles the destination (the highest {@code @Priority} if several).
 */
@ApplicationScoped
public class CustomerMessageDispatcher {

    private final CustomerMessageRepository messages;
    private final DestinationResolver destinations;
    private final Instance<ChannelSender> senders;
    private final CustomerMailComposer mails;
    private final ComplaintRepository complaints;
    private final StatusEventOutbox statusEvents;
    private final OutboundConfig config;
    private final RetrySchedule retries;
    private final Clock clock;
    /** This instance's name on the messages it claims. */
    private final String owner = UUID.randomUUID().toString();

    public CustomerMessageDispatcher(CustomerMessageRepository messages, DestinationResolver destinations,
            @Any Instance<ChannelSender> senders, CustomerMailComposer mails, ComplaintRepository complaints,
            StatusEventOutbox statusEvents, OutboundConfig config, Clock clock) {
        this.messages = messages;
        this.destinations = destinations;
        this.senders = senders;
        this.mails = mails;
        this.complaints = complaints;
        this.statusEvents = statusEvents;
        this.config = config;
        this.retries = RetrySchedule.of(config);
        this.clock = clock;
    }

    @Scheduled(every = "${tikun.intake.outbound.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        return dispatch().invoke(count -> {
            if (count > 0) {
                Log.debugf("Dispatched %d customer message(s)", count);
            }
        }).replaceWithVoid();
    }

    /** Sends what is due now, up to {@code batch-size} messages; returns how many attempts it made. */
    public Uni<Integer> dispatch() {
        return Multi.createBy().repeating().uni(this::claimNext).until(Optional::isEmpty)
                .map(Optional::get)
                .select().first(config.batchSize())
                .onItem().transformToUniAndConcatenate(message -> attempt(message).onFailure().recoverWithItem(f -> {
                    // The store failed: the lease runs out and the message is claimed again.
                    Log.warnf("Attempt %d at customer message %s not recorded: %s", message.attempts(),
                            message.messageId(), f.getMessage());
                    return null;
                }))
                .collect().with(Collectors.counting()).map(Long::intValue);
    }

    private Uni<Optional<CustomerMessage>> claimNext() {
        Instant now = clock.instant();
        return messages.claimDue(owner, now, now.plus(config.claimFor())).map(Optional::ofNullable);
    }

    private Uni<Void> attempt(CustomerMessage message) {
        CustomerMessageRequest r = message.request();
        return destinations.resolve(r.complaintId()).chain(resolution -> {
            if (resolution == null) {
                return record(message, null, null, new DeliveryOutcome.Failed("unknown complaint " + r.complaintId()));
            }
            if (resolution.problem() != null) {
                return record(message, resolution.channel(), null, new DeliveryOutcome.Failed(resolution.problem()));
            }
            Destination destination = resolution.destination();
            Optional<ChannelSender> sender = senderFor(destination);
            if (sender.isEmpty()) {
                return record(message, resolution.channel(), null,
                        new DeliveryOutcome.Failed("no outbound configuration for network " + networkOf(destination)));
            }
            OutboundMessage outbound = new OutboundMessage(r.messageId(), r.complaintId(), r.caseId(), r.customerId(),
                    r.reference(), r.kind(), Boolean.TRUE.equals(r.automatic()),
                    r.author() == null ? null : r.author().name(), r.language(), r.subject(), r.text(), r.links(),
                    destination instanceof Destination.Social social && social.publicPost()
                            ? PublicNotice.text(r.language(), r.reference())
                            : null,
                    destination, message.attempts());
            return threadable(outbound)
                    .chain(() -> sender.get().send(outbound)
                            .ifNoItem().after(config.claimFor().dividedBy(2))
                            .recoverWithItem(() -> new DeliveryOutcome.RetryLater(null, "no answer from the provider"))
                            .onFailure().recoverWithItem(f -> new DeliveryOutcome.RetryLater(null, f.getMessage())))
                    .chain(outcome -> record(message, resolution.channel(),
                            destination instanceof Destination.Email email ? email.to() : null, outcome));
        });
    }

    /** An answer to our mail names its Message-ID: the complaint's thread knows it before the mail leaves. */
    private Uni<Void> threadable(OutboundMessage outbound) {
        return outbound.destination() instanceof Destination.Email
                ? complaints.addThreadKeys(outbound.complaintId(), List.of(mails.mailMessageId(outbound.messageId())))
                : Uni.createFrom().voidItem();
    }

    /** The sender of highest priority among those that handle the destination. */
    Optional<ChannelSender> senderFor(Destination destination) {
        return StreamSupport.stream(senders.handles().spliterator(), false)
                .sorted(Comparator.comparingInt((Instance.Handle<ChannelSender> h) -> priorityOf(h)).reversed())
                .map(Instance.Handle::get)
                .filter(sender -> sender.handles(destination))
                .findFirst();
    }

    private static int priorityOf(Instance.Handle<ChannelSender> handle) {
        return handle.getBean() instanceof InjectableBean<?> bean ? bean.getPriority() : 0;
    }

    private static String networkOf(Destination destination) {
        return destination instanceof Destination.Social social ? social.network() : "email";
    }

    /** Records the outcome; {@code sentTo} is the e-mail address the attempt went to, kept so a bounce can be checked. */
    private Uni<Void> record(CustomerMessage message, String channel, String sentTo, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        int attempt = message.attempts();
        CustomerMessageRequest r = message.request();
        Uni<Boolean> marked;
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            marked = messages.markFinal(r.messageId(), owner, attempt, CustomerMessage.State.SENT, channel, null,
                    sent.providerMessageId(), sentTo, statusEvents.event(r, channel, CustomerMessageStatus.Status.SENT, null,
                            sent.providerMessageId(), attempt, now),
                    now);
        } else if (outcome instanceof DeliveryOutcome.Failed failed) {
            marked = failed(message, channel, failed.reason(), now);
        } else {
            DeliveryOutcome.RetryLater later = (DeliveryOutcome.RetryLater) outcome;
            marked = retries.exhausted(attempt)
                    ? failed(message, channel, "gave up after " + attempt + " attempts: " + later.reason(), now)
                    : messages.markRetry(r.messageId(), owner, attempt, channel, later.reason(),
                            retries.nextAttempt(now, attempt, later.after()), now);
        }
        return marked.chain(held -> {
            if (!held) {
                Log.warnf("Customer message %s: attempt %d outlived its claim; another instance has it now",
                        r.messageId(), attempt);
                return Uni.createFrom().voidItem();
            }
            if (outcome instanceof DeliveryOutcome.RetryLater later && !retries.exhausted(attempt)) {
                Log.infof("Customer message %s: attempt %d to be retried (%s)", r.messageId(), attempt, later.reason());
                return Uni.createFrom().voidItem();
            }
            return statusEvents.publishNow(r.messageId());
        });
    }

    private Uni<Boolean> failed(CustomerMessage message, String channel, String reason, Instant now) {
        CustomerMessageRequest r = message.request();
        Log.warnf("Customer message %s failed: %s", r.messageId(), reason);
        return messages.markFinal(r.messageId(), owner, message.attempts(), CustomerMessage.State.FAILED, channel,
                reason, null, null, statusEvents.event(r, channel, CustomerMessageStatus.Status.FAILED, reason, null,
                        message.attempts(), now),
                now);
    }
}
