package io.tikun.followup.csat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.complaint.CustomerComplaint;
import io.tikun.followup.complaint.CustomerComplaintRepository;
import io.tikun.followup.feedback.CustomerFeedbackEvents;
import io.tikun.followup.verification.CustomerAnswerService;
import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.CustomerLanguages;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.LinkClaims;
import io.tikun.followup.verification.LinkVerification;
import io.tikun.followup.verification.SignedLinkService;
import io.tikun.followup.verification.UsedLinkRegistry;

/**
 * Turns a survey link into a rating: checked when the page opens, used up and recorded when the form is sent. A link
 * rates a resolved case ({@link LinkAction#CASE_SURVEY}, sent at closure) or, for links sent before surveys went per
 * case, a verified commitment ({@link LinkAction#CSAT}).
 */
@ApplicationScoped
public class CsatService {

    static final int LOWEST_SCORE = 1;
    static final int HIGHEST_SCORE = 5;

    private final SignedLinkService links;
    private final UsedLinkRegistry usedLinks;
    private final CommitmentRepository commitments;
    private final CsatResponseRepository responses;
    private final CustomerComplaintRepository complaints;
    private final CaseRatings caseRatings;
    private final CustomerLanguages languages;
    private final CustomerFeedbackEvents feedback;
    private final Clock clock;

    public CsatService(SignedLinkService links, UsedLinkRegistry usedLinks, CommitmentRepository commitments,
            CsatResponseRepository responses, CustomerComplaintRepository complaints, CaseRatings caseRatings,
            CustomerLanguages languages, CustomerFeedbackEvents feedback, Clock clock) {
        this.feedback = feedback;
        this.links = links;
        this.usedLinks = usedLinks;
        this.commitments = commitments;
        this.responses = responses;
        this.complaints = complaints;
        this.caseRatings = caseRatings;
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
        if (claims.action() == LinkAction.CASE_SURVEY) {
            return complaints.forCase(claims.commitmentId()).chain(complaint -> complaint == null
                    ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.UNKNOWN_COMMITMENT))
                    : caseRatings.rated(claims.commitmentId()).chain(rated -> rated
                            ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.ALREADY_RATED))
                            : language(complaint).map(language -> CsatAnswer.ready(complaint.reference,
                                    complaint.subject, language))));
        }
        return commitments.findById(claims.commitmentId()).chain(c -> c == null
                ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.UNKNOWN_COMMITMENT))
                : responses.findById(c.id).chain(rated -> rated != null
                        ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.ALREADY_RATED))
                        : language(c).map(language -> CsatAnswer.ready(c.reference, c.what, language))));
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
        String note = CustomerAnswerService.clean(comment);
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return links.redeem(token, null, now, usedLinks).chain(link -> {
            if (!link.isValid()) {
                return Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.of(link.outcome())));
            }
            UUID id = link.validClaims().commitmentId();
            if (link.validClaims().action() == LinkAction.CASE_SURVEY) {
                return complaints.forCase(id).chain(complaint -> complaint == null
                        ? Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.UNKNOWN_COMMITMENT))
                        : caseRatings.record(id, complaint.complaintId, score, note, at).chain(first -> first
                                ? feedback.csatAnswered(complaint.customerId, id, complaint.reference, score, note, at)
                                        .chain(() -> language(complaint))
                                        .map(language -> CsatAnswer.recorded(complaint.reference,
                                                complaint.subject, score, language))
                                : Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.ALREADY_RATED))));
            }
            return commitments.findById(id).chain(c -> {
                if (c == null) {
                    return Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.UNKNOWN_COMMITMENT));
                }
                return responses.record(c.id, score, note, at)
                        .chain(first -> first
                                ? feedback.csatAnswered(c.customerId, c.caseId, c.reference, score, note, at)
                                        .chain(() -> language(c))
                                        .map(language -> CsatAnswer.recorded(c.reference, c.what, score, language))
                                : Uni.createFrom().item(CsatAnswer.refused(CsatRefusal.ALREADY_RATED)));
            });
        });
    }

    /** The language the survey was written in, for the page. */
    private Uni<CustomerLanguage> language(Commitment c) {
        return languages.of(c.complaintId, c.customerId, c.customerName, c.what);
    }

    private Uni<CustomerLanguage> language(CustomerComplaint complaint) {
        return languages.of(complaint.complaintId, complaint.customerId, complaint.customerName, complaint.subject);
    }

    private static Optional<CsatRefusal> refusal(LinkVerification link) {
        if (!link.isValid()) {
            return Optional.of(CsatRefusal.of(link.outcome()));
        }
        LinkAction action = link.validClaims().action();
        return action == LinkAction.CSAT || action == LinkAction.CASE_SURVEY ? Optional.empty()
                : Optional.of(CsatRefusal.WRONG_LINK);
    }
}
