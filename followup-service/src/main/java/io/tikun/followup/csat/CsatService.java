package io.tikun.followup.csat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.verification.CustomerAnswerService;
import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.CustomerLanguages;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.LinkClaims;
import io.tikun.followup.verification.LinkVerification;
import io.tikun.followup.verification.SignedLinkService;
import io.tikun.followup.verification.UsedLinkRegistry;

/** Turns a survey link into a rating: checked when the page opens, used up and recorded when the form is sent. */
@ApplicationScoped
public class CsatService {

    static final int LOWEST_SCORE = 1;
    static final int HIGHEST_SCORE = 5;

    private final SignedLinkService links;
    private final UsedLinkRegistry usedLinks;
    private final CommitmentRepository commitments;
    private final CsatResponseRepository responses;
    private final CustomerLanguages languages;
    private final Clock clock;

    public CsatService(SignedLinkService links, UsedLinkRegistry usedLinks, CommitmentRepository commitments,
            CsatResponseRepository responses, CustomerLanguages languages, Clock clock) {
        this.links = links;
        this.usedLinks = usedLinks;
        this.commitments = commitments;
        this.responses = responses;
        this.languages = languages;
        this.clock = clock;
    }

    /** What the survey page should offer. Reads only: a mail scanner fetching the link rates nothing. */
    @WithSession
    public Uni<CsatAnswer> preview(String token) {
        LinkVerification link = links.verify(token, null, clock.instant());
        Optional<CsatRefusal> refusal = refusal(link);
        if (refusal.isPresent()) {
            return Uni.createFrom().item(CsatAnswer.refused(refusal.get()));
        }
        LinkClaims claims = link.validClaims();
        return commitments.findById(claims.commitmentId()).chain(c -> c == null
                ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.UNKNOWN_COMMITMENT))
                : responses.findById(c.id).chain(rated -> rated != null
                        ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.ALREADY_RATED))
                        : language(c).map(language -> CsatAnswer.ready(c, language))));
    }

    /**
     * Uses the link up and records the rating in one transaction. Nothing is recorded and the link stays unused
     * when the score is missing or out of range.
     */
    @WithTransaction
    public Uni<CsatAnswer> rate(String token, Integer score, String comment) {
        Instant now = clock.instant();
        Optional<CsatRefusal> refusal = refusal(links.verify(token, null, now));
        if (refusal.isPresent()) {
            return Uni.createFrom().item(CsatAnswer.refused(refusal.get()));
        }
        if (score == null || score < LOWEST_SCORE || score > HIGHEST_SCORE) {
            return Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.NO_SCORE));
        }
        return links.redeem(token, null, now, usedLinks).chain(link -> {
            if (!link.isValid()) {
                return Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.of(link.outcome())));
            }
            return commitments.findById(link.validClaims().commitmentId()).chain(c -> {
                if (c == null) {
                    return Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.UNKNOWN_COMMITMENT));
                }
                return responses.record(c.id, score, CustomerAnswerService.clean(comment),
                        now.truncatedTo(ChronoUnit.MICROS))
                        .chain(first -> first ? language(c).map(language -> CsatAnswer.recorded(c, score, language))
                                : Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.ALREADY_RATED)));
            });
        });
    }

    /** The language the thank-you e-mail was written in, for the page. */
    private Uni<CustomerLanguage> language(Commitment c) {
        return languages.of(c.complaintId, c.customerId, c.customerName, c.what);
    }

    private static Optional<CsatRefusal> refusal(LinkVerification link) {
        if (!link.isValid()) {
            return Optional.of(CsatRefusal.of(link.outcome()));
        }
        return link.validClaims().action() == LinkAction.CSAT ? Optional.empty() : Optional.of(CsatRefusal.WRONG_LINK);
    }
}
