package io.tikun.followup.verification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.message.CustomerMessageKind;
import io.tikun.followup.message.CustomerMessageRequests;

/**
 * Asks the customer, with two signed links, whether a promise claimed done was kept; asks again with the same links
 * after silence; and revokes the links of earlier claims when the commitment is reopened. The question goes to
 * intake, which delivers it on the customer's channel ({@code customer.messages.requested} through the outbox).
 * Every method joins the caller's transaction, so the question is requested with the change that causes it.
 */
@ApplicationScoped
public class CustomerRequestSender {

    /** Who and what the request is about; the complaint and the customer decide its language. */
    public record Subject(UUID commitmentId, UUID caseId, String reference, String complaintId, String customerId,
            String customerName, String what) {

        public static Subject of(CommitmentView commitment) {
            return new Subject(commitment.id(), commitment.caseId(), commitment.reference(),
                    commitment.complaintId(), commitment.customer().id(), commitment.customer().name(),
                    commitment.what());
        }

        CustomerMessageRequests.Target target() {
            return new CustomerMessageRequests.Target(commitmentId, caseId, complaintId, customerId, reference);
        }
    }

    private final SignedLinkService links;
    private final CustomerRequestComposer composer;
    private final CustomerRequestRepository requests;
    private final CustomerMessageRequests messages;
    private final UsedLinkRegistry usedLinks;
    private final CustomerLanguages languages;
    private final Duration validFor;
    private final Clock clock;

    public CustomerRequestSender(SignedLinkService links, CustomerRequestComposer composer,
            CustomerRequestRepository requests, CustomerMessageRequests messages, UsedLinkRegistry usedLinks,
            CustomerLanguages languages, FollowupConfig config, Clock clock) {
        this.links = links;
        this.composer = composer;
        this.requests = requests;
        this.messages = messages;
        this.usedLinks = usedLinks;
        this.languages = languages;
        this.validFor = config.links().ttl();
        this.clock = clock;
    }

    /**
     * Issues the two links for this claim and requests the question.
     *
     * @return the outbox row of the request, for the caller to publish once its transaction committed
     */
    public Uni<Optional<UUID>> queue(Subject subject, Instant claimedAt) {
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
        // Counted before this claim's request is written: it is the next one.
        return language(subject).chain(language -> requests.countFor(subject.commitmentId())
                .call(() -> requests.persist(request))
                .chain(earlier -> messages.request(verifyId(subject, earlier + 1), subject.target(),
                        CustomerMessageKind.FOLLOW_UP, language,
                        composer.compose(request(subject, request, validFor, language)))));
    }

    /**
     * Requests the second question with the links of the latest claim. Empty when no question was asked for any
     * claim.
     */
    public Uni<Optional<UUID>> queueReminder(Subject subject) {
        return requests.latest(subject.commitmentId()).chain(request -> request == null
                ? Uni.createFrom().item(Optional.<UUID> empty())
                : requests.countFor(subject.commitmentId()).chain(claim -> language(subject)
                        .chain(language -> messages.request(
                                CustomerMessageRequests.verifyReminderId(subject.commitmentId(), claim.intValue()),
                                subject.target(), CustomerMessageKind.FOLLOW_UP, language,
                                composer.composeReminder(request(subject, request,
                                        Duration.between(clock.instant(), request.expiresAt), language))))));
    }

    /**
     * Uses up every link sent for the commitment's earlier claims, so an answer the customer gives to an old message
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

    private static String verifyId(Subject subject, long claim) {
        return CustomerMessageRequests.verifyId(subject.commitmentId(), (int) claim);
    }

    /** Asked at each message, so a complaint that arrived after the promise still decides the next one. */
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
}
