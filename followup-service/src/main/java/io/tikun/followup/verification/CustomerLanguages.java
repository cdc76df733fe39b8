package io.tikun.followup.verification;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.complaint.CustomerComplaintRepository;

/**
 * Decides the language of what follow-up writes to a customer: the language intake detected in the promise's
 * complaint (or else in the customer's latest complaint), and only when none is known the guess from Hebrew letters.
 */
@ApplicationScoped
public class CustomerLanguages {

    private final CustomerComplaintRepository complaints;

    public CustomerLanguages(CustomerComplaintRepository complaints) {
        this.complaints = complaints;
    }

    /**
     * Joins the caller's session.
     *
     * @param complaintId the complaint the promise answers
     * @param customerId the customer written to
     * @param hints what the customer and the agent wrote (the name, the promise), for the guess
     */
    public Uni<CustomerLanguage> of(String complaintId, String customerId, String... hints) {
        return complaints.knownLanguage(complaintId, customerId).map(known -> known == null
                ? CustomerLanguage.guessedFrom(hints)
                : CustomerLanguage.ofComplaintLanguage(known));
    }
}
