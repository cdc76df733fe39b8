package io.tikun.routing.customer;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Routing's reading of follow-up's {@code customers.feedback} event (contract:
 * followup-service/src/main/resources/contracts/customers.feedback.schema.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerFeedbackEvent(FeedbackKind kind, String customerId, UUID caseId, String reference, Integer score,
        String comment, ChurnOutcome churnOutcome, ExitOutcome exitOutcome, String exitReason, String valueTier,
        Instant occurredAt) {

    public static final String TOPIC = "customers.feedback";

    /** Refuses an event without what every kind needs, or a CSAT answer without a score from 1 to 5. */
    void requireComplete() {
        if (kind == null || customerId == null || customerId.isBlank() || occurredAt == null) {
            throw new IllegalArgumentException("customers.feedback event lacks kind, customerId or occurredAt");
        }
        if (kind == FeedbackKind.CSAT_ANSWERED && (score == null || score < 1 || score > 5)) {
            throw new IllegalArgumentException("a CSAT answer needs a score from 1 to 5");
        }
        if (kind == FeedbackKind.CHURN_OUTCOME && churnOutcome == null) {
            throw new IllegalArgumentException("a churn outcome needs churnOutcome");
        }
        if (kind == FeedbackKind.EXIT_INTERVIEW_RECORDED && exitOutcome == null) {
            throw new IllegalArgumentException("an exit interview needs exitOutcome");
        }
    }
}
