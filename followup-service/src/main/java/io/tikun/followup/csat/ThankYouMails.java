package io.tikun.followup.csat;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.outbox.MailDelivery;
import io.tikun.followup.outbox.MailDeliveryRepository;
import io.tikun.followup.outbox.MailPurpose;
import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.IssuedLink;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.SignedLinkService;

/**
 * Queues the thank-you e-mail, with its signed survey link, for a commitment the customer verified. It goes through
 * {@code mail_delivery} like every other e-mail (sent by {@link io.tikun.followup.outbox.MailRelay}, retried when the
 * mail server fails), written in the transaction of the verification; a unique index lets a commitment be thanked
 * once.
 */
@ApplicationScoped
public class ThankYouMails {

    private final MailDeliveryRepository deliveries;
    private final SignedLinkService links;
    private final ThankYouComposer composer;
    private final FollowupConfig config;
    private final Clock clock;

    public ThankYouMails(MailDeliveryRepository deliveries, SignedLinkService links, ThankYouComposer composer,
            FollowupConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.links = links;
        this.composer = composer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Joins the caller's transaction. Returns the queued e-mail's id, or empty when the commitment is not verified or
     * its customer has no address.
     */
    public Uni<Optional<UUID>> queue(CommitmentView c, CustomerLanguage language) {
        if (c.status() != CommitmentStatus.VERIFIED) {
            return Uni.createFrom().item(Optional.empty());
        }
        String address = c.customer().email();
        if (address == null || address.isBlank()) {
            Log.infof("Commitment %s (%s) is verified but its customer has no e-mail address; no thank-you is sent",
                    c.id(), c.reference());
            return Uni.createFrom().item(Optional.empty());
        }
        IssuedLink survey = links.issueLink(c.id(), LinkAction.CSAT, config.csat().baseUrl());
        ThankYouComposer.ThankYouText text = composer.compose(new ThankYouComposer.ThankYou(c.reference(),
                c.customer().name(), c.what(), survey.url(), config.links().ttl(), language));
        MailDelivery mail = MailDelivery.of(c.id(), MailPurpose.CUSTOMER_THANK_YOU, address, text.subject(),
                text.text(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return deliveries.persist(mail).replaceWith(Optional.of(mail.id));
    }
}
