package io.tikun.followup.verification;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.CommitmentService;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.commitment.CommitmentTransitions;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.csat.ThankYouMails;
import io.tikun.followup.lifecycle.CommitmentEvent;
import io.tikun.followup.problem.NotFoundProblem;
import io.tikun.followup.verification.CustomerAnswer.Refusal;

/**
 * Turns a customer's signed link into an answer on the commitment: checked when the page opens, used up and
 * recorded only when the customer submits it.
 */
@ApplicationScoped
public class CustomerAnswerService {

    /** Who the history names for an answer given through a link; the token, not a login, proves it. */
    public static final String CUSTOMER_ACTOR = "customer";

    /** The width of {@code commitment_change.reason}; a longer comment is cut, not refused. */
    public static final int MAX_COMMENT = 1000;

    /** The lifecycle needs a reason for a denial; a customer who gave none still said no. */
    static final String DENIAL_WITHOUT_COMMENT = "the customer said it was not done (no comment)";

    private final SignedLinkService links;
    private final UsedLinkRegistry usedLinks;
    private final CommitmentService commitments;
    private final CommitmentTransitions transitions;
    private final ThankYouMails thankYouMails;
    private final CustomerLanguages languages;
    private final Clock clock;

    public CustomerAnswerService(SignedLinkService links, UsedLinkRegistry usedLinks,
            CommitmentService commitments, CommitmentTransitions transitions, ThankYouMails thankYouMails,
            CustomerLanguages languages, Clock clock) {
        this.links = links;
        this.usedLinks = usedLinks;
        this.commitments = commitments;
        this.transitions = transitions;
        this.thankYouMails = thankYouMails;
        this.languages = languages;
        this.clock = clock;
    }

    /** What the link's page should offer. Reads only: opening a link (or a mail scanner fetching it) changes nothing. */
    public Uni<CustomerAnswer> preview(String token) {
        LinkVerification link = links.verify(token, null, clock.instant());
        Optional<Refusal> refusal = refusal(link);
        if (refusal.isPresent()) {
            return Uni.createFrom().item(CustomerAnswer.refused(refusal.get()));
        }
        LinkClaims claims = link.validClaims();
        return commitments.get(claims.commitmentId())
                .chain(c -> c.status() == CommitmentStatus.CLAIMED_DONE
                        ? language(c).map(language -> CustomerAnswer.ready(claims.action(), c, language))
                        : Uni.createFrom().item(CustomerAnswer.refused(Refusal.ALREADY_ANSWERED)))
                .onFailure(NotFoundProblem.class).recoverWithItem(CustomerAnswer.refused(Refusal.UNKNOWN_COMMITMENT));
    }

    /**
     * Uses the link up and records the answer, with its {@code commitments.updated} outbox row, in one transaction.
     * A commitment that no longer awaits an answer fails the Uni with the lifecycle's
     * {@link io.tikun.followup.lifecycle.IllegalTransitionException}, which rolls the use of the link back too.
     */
    @WithTransaction
    public Uni<CustomerAnswer> answer(String token, String comment) {
        Optional<Refusal> refusal = refusal(links.verify(token, null, clock.instant()));
        if (refusal.isPresent()) {
            // Checked before redeeming, so a link for another page is not used up here.
            return Uni.createFrom().item(CustomerAnswer.refused(refusal.get()));
        }
        return links.redeem(token, null, clock.instant(), usedLinks).chain(link -> {
            if (!link.isValid()) {
                return Uni.createFrom().item(CustomerAnswer.refused(Refusal.of(link.outcome())));
            }
            LinkClaims claims = link.validClaims();
            boolean confirmed = claims.action() == LinkAction.CONFIRM_FIXED;
            String note = clean(comment);
            CommitmentEvent event = confirmed ? CommitmentEvent.CUSTOMER_CONFIRMED : CommitmentEvent.CUSTOMER_DENIED;
            String reason = confirmed || note != null ? note : DENIAL_WITHOUT_COMMENT;
            // A verified fix is thanked, with the survey, in the same transaction: the thanks cannot be lost.
            return transitions.apply(claims.commitmentId(), event, CUSTOMER_ACTOR, reason)
                    .chain(applied -> language(applied.commitment()).chain(language -> thankYouMails
                            .queue(applied.commitment(), language)
                            .map(mail -> CustomerAnswer.recorded(claims.action(), applied.commitment(),
                                    applied.outboxId(), mail.orElse(null), language))));
        });
    }

    /** The language the customer's e-mails were written in, for the page and the thank-you. */
    private Uni<CustomerLanguage> language(CommitmentView c) {
        return languages.of(c.complaintId(), c.customer().id(), c.customer().name(), c.what());
    }

    private static Optional<Refusal> refusal(LinkVerification link) {
        if (!link.isValid()) {
            return Optional.of(Refusal.of(link.outcome()));
        }
        LinkAction action = link.validClaims().action();
        return action == LinkAction.CONFIRM_FIXED || action == LinkAction.DENY_FIXED ? Optional.empty()
                : Optional.of(Refusal.WRONG_LINK);
    }

    /** The comment stripped, null if blank, cut to {@link #MAX_COMMENT} characters. */
    public static String clean(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String stripped = comment.strip();
        if (stripped.length() <= MAX_COMMENT) {
            return stripped;
        }
        // Never cut between the two halves of a character outside the basic plane (an emoji, say).
        int end = Character.isHighSurrogate(stripped.charAt(MAX_COMMENT - 1)) ? MAX_COMMENT - 1 : MAX_COMMENT;
        return stripped.substring(0, end);
    }
}
