package io.tikun.followup.csat;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.complaint.CustomerComplaint;
import io.tikun.followup.message.CustomerMessageKind;
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.verification.CustomerLanguages;
import io.tikun.followup.verification.IssuedLink;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.SignedLinkService;

/**
 * Requests the satisfaction survey of a resolved case from intake, with its signed single-use link: once per case
 * (message id {@code followup:survey:<caseId>}), whether or not a promise was made on it, in the transaction that
 * records the resolution.
 */
@ApplicationScoped
public class CaseSurveys {

    private final CustomerMessageRequests messages;
    private final SignedLinkService links;
    private final SurveyComposer composer;
    private final CustomerLanguages languages;
    private final FollowupConfig config;

    public CaseSurveys(CustomerMessageRequests messages, SignedLinkService links, SurveyComposer composer,
            CustomerLanguages languages, FollowupConfig config) {
        this.messages = messages;
        this.links = links;
        this.composer = composer;
        this.languages = languages;
        this.config = config;
    }

    /** Joins the caller's transaction. Returns the request's outbox row; empty when the case was surveyed before. */
    public Uni<Optional<UUID>> queue(CustomerComplaint complaint, UUID caseId) {
        IssuedLink survey = links.issueLink(caseId, LinkAction.CASE_SURVEY, config.csat().baseUrl());
        return languages.of(complaint.complaintId, complaint.customerId, complaint.customerName, complaint.subject)
                .chain(language -> messages.request(CustomerMessageRequests.surveyId(caseId),
                        new CustomerMessageRequests.Target(null, caseId, complaint.complaintId, complaint.customerId,
                                complaint.reference),
                        CustomerMessageKind.SURVEY, language,
                        composer.compose(new SurveyComposer.Survey(complaint.reference, complaint.customerName,
                                survey.url(), config.links().ttl(), language))));
    }
}
