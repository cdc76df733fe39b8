package io.tikun.followup.outbox;

import java.time.Clock;
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
import io.tikun.followup.FollowupConfig;

/**
 * Sends the e-mails of {@code mail_delivery}: right after the transaction that wrote them commits, and on a schedule
 * for those that failed (retried with {@link MailBackoff}) or that a crashed instance left behind. Each row is claimed
 * before it is sent, so several instances never send the same e-mail at once.
 */
@ApplicationScoped
public class MailRelay {

    private final MailDeliveryRepository deliveries;
    private final ReactiveMailer mailer;
    private final FollowupConfig.Mail config;
    private final MailBackoff backoff;
    private final Clock clock;
    /** The sender's domain, under which every e-mail's Message-ID is named. */
    private final String messageIdDomain;

    public MailRelay(MailDeliveryRepository deliveries, ReactiveMailer mailer, FollowupConfig config, Clock clock,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.config = config.mail();
        this.backoff = MailBackoff.from(config.mail());
        this.clock = clock;
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    /** Sends these freshly committed e-mails now. Never fails: what is not sent is left to the scheduled pass. */
    public Uni<Void> sendNow(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return deliveries.claimAmong(ids, now, now.plus(config.claimFor()))
                .chain(this::send)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("E-mails %s not sent yet (%s); the relay will retry", ids, failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "${tikun.followup.mail.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sendDue() {
        Instant now = clock.instant();
        return deliveries.claimDue(now, now.plus(config.claimFor()), config.batchSize())
                .chain(this::send)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Mail relay pass failed: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /** Sends e-mails this instance claimed, one after the other (package-private: tests replay a stale claim). */
    Uni<Void> send(List<MailDelivery> claimed) {
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(this::sendOne)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Integer> sendOne(MailDelivery delivery) {
        // A batch to a slow server can outlast the claims taken at its start: each e-mail's claim is checked and
        // extended right before it is sent, and one another instance took over meanwhile is left to that instance.
        return deliveries.renewClaim(delivery, clock.instant().plus(config.claimFor()))
                .chain(stillOurs -> {
                    if (!stillOurs) {
                        Log.infof("E-mail %s (%s) was taken over by another relay after this one's claim lapsed; "
                                + "not sending it", delivery.id, delivery.purpose);
                        return Uni.createFrom().item(0);
                    }
                    return sendClaimed(delivery);
                });
    }

    private Uni<Integer> sendClaimed(MailDelivery delivery) {
        // The same Message-ID on every attempt: a copy re-sent after an instance died between sending and
        // recording it is, to the recipient's mail client, the same message.
        return mailer.send(Mail.withText(delivery.recipient, delivery.subject, delivery.body)
                .addHeader("Message-ID", "<mail." + delivery.id + "@" + messageIdDomain + ">"))
                .chain(() -> deliveries.markSent(delivery, clock.instant()))
                .onFailure().recoverWithUni(failure -> failed(delivery, failure));
    }

    private Uni<Integer> failed(MailDelivery delivery, Throwable failure) {
        Instant now = clock.instant();
        if (backoff.retries(delivery.attempts)) {
            Instant retryAt = now.plus(backoff.pauseAfter(delivery.attempts));
            Log.warnf("E-mail %s (%s, commitment %s) failed on attempt %d, retrying at %s: %s", delivery.id,
                    delivery.purpose, delivery.commitmentId, delivery.attempts, retryAt, failure.getMessage());
            return deliveries.markFailed(delivery, failure.getMessage(), retryAt, now);
        }
        Log.errorf("E-mail %s (%s, commitment %s) abandoned after %d attempts: %s", delivery.id, delivery.purpose,
                delivery.commitmentId, delivery.attempts, failure.getMessage());
        return deliveries.markFailed(delivery, failure.getMessage(), null, now);
    }
}
