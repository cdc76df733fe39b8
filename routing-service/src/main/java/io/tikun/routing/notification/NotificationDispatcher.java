package io.tikun.routing.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;

/**
 * Delivers stored notifications: at once after the transaction that created them, then on a
 * schedule with exponential backoff until sent or given up. A batch is claimed together. Its stream rows go first, all
 * marked and announced in one statement that checks each claim (nothing is sent for them). Every other row's claim is
 * renewed just before its own send, so a batch slower than one claim never sends a row another instance has taken
 * since; a row whose claim was lost is left to that instance, and a late mark of it is refused.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final NotificationRepository notifications;
    private final ReactiveMailer mailer;
    private final WebhookSender webhook;
    private final RoutingConfig.Notifications config;
    private final Clock clock;
    private final String from;
    /** This dispatcher's name on its claims; a new one per instance (and per start). */
    private final String instance = "routing-" + UUID.randomUUID();

    public NotificationDispatcher(NotificationRepository notifications, ReactiveMailer mailer, WebhookSender webhook,
            RoutingConfig config, Clock clock, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.webhook = webhook;
        this.config = config.notifications();
        this.clock = clock;
        this.from = from;
        Duration claim = this.config.delivery().claimFor();
        Duration send = config.notifications().webhook().timeout();
        if (claim.compareTo(send) <= 0) {
            // A send that outlives its claim could be sent again by another instance.
            throw new IllegalStateException("tikun.routing.notifications.delivery.claim-for (" + claim
                    + ") must be longer than tikun.routing.notifications.webhook.timeout (" + send + ")");
        }
    }

    public Uni<Void> deliverNow(List<UUID> ids) {
        Instant now = clock.instant();
        return notifications.claimAmong(ids, now, now.plus(config.delivery().claimFor()), instance)
                .chain(this::deliverAll);
    }

    @Scheduled(every = "${tikun.routing.notifications.delivery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        Instant now = clock.instant();
        return notifications.claimDue(now, now.plus(config.delivery().claimFor()), config.delivery().batchSize(),
                instance)
                .chain(this::deliverAll)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Notification pass failed: %s", failure.getMessage());
                    return null;
                });
    }

    /**
     * The claimed rows' stream notifications first, marked sent and announced together (there is nothing to send for
     * them: the announcement is the delivery), then the others one by one.
     */
    private Uni<Void> deliverAll(List<Notification> claimed) {
        List<Notification> streamed = claimed.stream().filter(n -> NotificationChannels.STREAM.equals(n.channel)).toList();
        List<Notification> sent = claimed.stream().filter(n -> !NotificationChannels.STREAM.equals(n.channel)).toList();
        return announce(streamed).chain(() -> Multi.createFrom().iterable(sent)
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().last().replaceWithVoid());
    }

    /** Marks and announces the stream rows in one transaction; if that fails, each is tried alone, as any row is. */
    private Uni<Void> announce(List<Notification> streamed) {
        if (streamed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return notifications.markStreamed(streamed, clock.instant(), config.sharedStream().channel())
                .invoke(marked -> {
                    if (marked < streamed.size()) {
                        Log.infof("%d of %d stream notifications were taken over by another instance; not announcing them",
                                streamed.size() - marked, streamed.size());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("Announcing %d stream notifications together failed (%s); trying each alone",
                            streamed.size(), failure.getMessage());
                    return Multi.createFrom().iterable(streamed).onItem().transformToUniAndConcatenate(this::deliver)
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Integer> deliver(Notification n) {
        return notifications.renew(n, clock.instant().plus(config.delivery().claimFor()))
                .chain(held -> {
                    if (held == 0) {
                        Log.infof("Notification %s: claim taken over by another instance; not sending it", n.id);
                        return Uni.createFrom().item(0);
                    }
                    return sendAndMark(n);
                });
    }

    private Uni<Integer> sendAndMark(Notification n) {
        return send(n)
                .chain(() -> markDelivered(n))
                .invoke(marked -> {
                    if (marked == 0) {
                        Log.warnf("Notification %s sent, but its claim was lost meanwhile: mark refused", n.id);
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    boolean giveUp = n.attempts >= config.maxAttempts();
                    Instant retryAt = clock.instant().plus(backoff(n.attempts));
                    Log.warnf("Notification %s (%s) attempt %d failed: %s%s", n.id, n.kind, n.attempts,
                            failure.getMessage(), giveUp ? "; giving up" : "");
                    return notifications.markFailed(n, truncate(String.valueOf(failure.getMessage())), retryAt, giveUp);
                });
    }

    private Uni<Void> send(Notification n) {
        return switch (n.channel) {
            case NotificationChannels.EMAIL -> mailer.send(mailOf(n));
            case NotificationChannels.WEBHOOK -> webhook.send(n);
            // Nothing to send from here: marking the row sent announces it to every instance (markDelivered).
            case NotificationChannels.STREAM -> Uni.createFrom().voidItem();
            default -> Uni.createFrom().failure(new IllegalStateException("unknown channel " + n.channel));
        };
    }

    /**
     * A stream notification is announced on the shared PostgreSQL channel in the transaction that marks it sent;
     * every instance, this one included, pushes it to its own SSE clients from there ({@link SharedStreamListener}),
     * so it is never also published locally.
     */
    private Uni<Integer> markDelivered(Notification n) {
        return NotificationChannels.STREAM.equals(n.channel)
                ? notifications.markStreamed(List.of(n), clock.instant(), config.sharedStream().channel())
                : notifications.markSent(n, clock.instant());
    }

    /** The alert as an e-mail whose Message-ID is the same on every attempt (see {@link StableMessageId}). */
    private Mail mailOf(Notification n) {
        Mail mail = n.htmlBody == null ? Mail.withText(n.recipient, n.subject, n.body)
                : Mail.withHtml(n.recipient, n.subject, n.htmlBody).setText(n.body);
        return mail.addHeader("Message-ID", StableMessageId.of(n.id, from));
    }

    Duration backoff(int attempts) {
        return config.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
