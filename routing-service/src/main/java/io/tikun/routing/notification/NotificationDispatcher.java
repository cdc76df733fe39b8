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
 * schedule with exponential backoff until sent or given up.
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

    public NotificationDispatcher(NotificationRepository notifications, ReactiveMailer mailer, WebhookSender webhook,
            RoutingConfig config, Clock clock, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.webhook = webhook;
        this.config = config.notifications();
        this.clock = clock;
        this.from = from;
    }

    public Uni<Void> deliverNow(List<UUID> ids) {
        Instant now = clock.instant();
        return notifications.claimAmong(ids, now, now.plus(config.delivery().claimFor()))
                .chain(this::deliverAll);
    }

    @Scheduled(every = "${tikun.routing.notifications.delivery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        Instant now = clock.instant();
        return notifications.claimDue(now, now.plus(config.delivery().claimFor()), config.delivery().batchSize())
                .chain(this::deliverAll)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Notification pass failed: %s", failure.getMessage());
                    return null;
                });
    }

    private Uni<Void> deliverAll(List<Notification> claimed) {
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> deliver(Notification n) {
        return send(n)
                .chain(() -> markDelivered(n))
                .onFailure().recoverWithUni(failure -> {
                    boolean giveUp = n.attempts >= config.maxAttempts();
                    Instant retryAt = clock.instant().plus(backoff(n.attempts));
                    Log.warnf("Notification %s (%s) attempt %d failed: %s%s", n.id, n.kind, n.attempts,
                            failure.getMessage(), giveUp ? "; giving up" : "");
                    return notifications.markFailed(n.id, truncate(String.valueOf(failure.getMessage())), retryAt, giveUp);
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
                ? notifications.markStreamed(n.id, clock.instant(), config.sharedStream().channel())
                : notifications.markSent(n.id, clock.instant());
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
