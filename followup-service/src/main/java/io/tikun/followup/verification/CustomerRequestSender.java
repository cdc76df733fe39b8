package io.tikun.followup.verification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.outbox.MailDelivery;
import io.tikun.followup.outbox.MailDeliveryRepository;
import io.tikun.followup.outbox.MailPurpose;

/**
 * Asks the customer, by e-mail with two signed links, whether a promise claimed done was kept; asks again with the
 * same links after silence; and revokes the links of earlier claims when the commitment is reopened. Every method
 * joins the caller's transaction: the e-mail is queued in {@code mail_delivery} with the change that causes it and
 * sent by {@link io.tikun.followup.outbox.MailRelay} once that change committed, retried if the mail server fails.
 */
@ApplicationScoped
public class CustomerRequestSender {

    /** Who and what the request is about; the complaint and the customer decide its language. */
    public record Subject(UUID commitmentId, String reference, String complaintId, String customerId,
            String customerName, String email, String what) {

        public static Subject of(CommitmentView commitment) {
            return new Subject(commitment.id(), commitment.reference(), commitment.complaintId(),
                    commitment.customer().id(), commitment.customer().name(), commitment.customer().email(),
                    commitment.what());
        }
    }

    private final SignedLinkService links;
    private final CustomerRequestComposer composer;
    private final CustomerRequestRepository requests;
    private final MailDeliveryRepository deliveries;
    private final UsedLinkRegistry usedLinks;
    private final CustomerLanguages languages;
    private final Duration validFor;
    private final Clock clock;

    public CustomerRequestSender(SignedLinkService links, CustomerRequestComposer composer,
            CustomerRequestRepository requests, MailDeliveryRepository deliveries, UsedLinkRegistry usedLinks,
            CustomerLanguages languages, FollowupConfig config, Clock clock) {
        this.links = links;
        this.composer = composer;
        this.requests = requests;
        this.deliveries = deliveries;
        this.usedLinks = usedLinks;
        this.languages = languages;
        this.validFor = config.links().ttl();
        this.clock = clock;
    }

    /**
     * Issues the two links for this claim and queues the request. A customer without an address is logged and
     * nobody is asked: the claim stands, and the commitment becomes unconfirmed if nobody answers.
     *
     * @return the queued e-mail, for the caller to send once its transaction committed
     */
    public Uni<Optional<UUID>> queue(Subject subject, Instant claimedAt) {
        if (!hasAddress(subject)) {
            return Uni.createFrom().item(Optional.empty());
        }
        IssuedLink confirm = links.issueLink(subject.commitmentId(), LinkAction.CONFIRM_FIXED);
        IssuedLink deny = links.issueLink(subject.commitmentId(), LinkAction.DENY_FIXED);
        CustomerRequest request = new CustomerRequest();
        request.id = UUID.randomUUID();
        request.commitmentId = subject.commitmentId();
        request.claimedAt = claimedAt;
        request.confirmUrl = confirm.url().toString();
        request.denyUrl = deny.url().toString();
        request.confirmNonce = nonce(confirm, subject.commitmentId());
        request.denyNonce = nonce(deny, subject.commitmentId());
        request.expiresAt = confirm.expiresAt();
        return language(subject).chain(language -> requests.persist(request)
                .chain(() -> enqueue(subject, MailPurpose.CUSTOMER_REQUEST,
                        composer.compose(request(subject, request, validFor, language)))));
    }

    /**
     * Queues the second request with the links of the latest claim. Empty when there is nobody to write to (no
     * address, so the first request was never sent either).
     */
    public Uni<Optional<UUID>> queueReminder(Subject subject) {
        if (!hasAddress(subject)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return requests.latest(subject.commitmentId()).chain(request -> request == null
                ? Uni.createFrom().item(Optional.<UUID> empty())
                : language(subject).chain(language -> enqueue(subject, MailPurpose.CUSTOMER_REMINDER,
                        composer.composeReminder(request(subject, request,
                                Duration.between(clock.instant(), request.expiresAt), language)))));
    }

    /**
     * Uses up every link sent for the commitment's earlier claims, so an answer the customer gives to an old e-mail
     * cannot settle a later claim. Returns how many links were still unused.
     */
    public Uni<Integer> revokeLinks(UUID commitmentId) {
        return requests.all(commitmentId).chain(sent -> Multi.createFrom().iterable(sent)
                .onItem().transformToIterable(r -> List.of(new SentLink(r.confirmNonce, r.expiresAt),
                        new SentLink(r.denyNonce, r.expiresAt)))
                .onItem().transformToUniAndConcatenate(link -> usedLinks.markUsed(link.nonce(), link.expiresAt()))
                .collect().asList()
                .map(revoked -> (int) revoked.stream().filter(Boolean.TRUE::equals).count()));
    }

    private record SentLink(String nonce, Instant expiresAt) {
    }

    private Uni<Optional<UUID>> enqueue(Subject subject, MailPurpose purpose, CustomerRequestComposer.CustomerMail mail) {
        MailDelivery delivery = MailDelivery.of(subject.commitmentId(), purpose, subject.email(), mail.subject(),
                mail.text(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return deliveries.persist(delivery).replaceWith(Optional.of(delivery.id));
    }

    /** Asked at each e-mail, so a complaint that arrived after the promise still decides the next one. */
    private Uni<CustomerLanguage> language(Subject subject) {
        return languages.of(subject.complaintId(), subject.customerId(), subject.customerName(), subject.what());
    }

    private static CustomerRequestComposer.Request request(Subject subject, CustomerRequest request,
            Duration linksValidFor, CustomerLanguage language) {
        return new CustomerRequestComposer.Request(subject.reference(), subject.customerName(), subject.what(),
                URI.create(request.confirmUrl), URI.create(request.denyUrl), linksValidFor, language);
    }

    private String nonce(IssuedLink link, UUID commitmentId) {
        return links.verify(link.token(), commitmentId).validClaims().nonce();
    }

    private static boolean hasAddress(Subject subject) {
        if (subject.email() == null || subject.email().isBlank()) {
            Log.warnf("Commitment %s (%s) awaits its customer's answer but the customer has no e-mail address; "
                    + "nobody was asked", subject.commitmentId(), subject.reference());
            return false;
        }
        return true;
    }
}
