package io.tikun.followup.feedback;

import java.time.Instant;
import java.util.UUID;

import io.tikun.followup.churn.ChurnOutcome;
import io.tikun.followup.exit.ExitOutcome;

/**
 * {@code customers.feedback}: what follow-up learnt from or about a customer, for the panels other services keep
 * (contract: {@code contracts/customers.feedback.schema.json}). {@code valueTier} is the customer's tier in the
 * return-on-handling model ({@code tikun.followup.returns.customer-tier}, else {@code default-tier}), which only
 * follow-up's configuration knows.
 */
public record CustomerFeedback(
        FeedbackKind kind,
        String customerId,
        UUID caseId,
        String reference,
        Integer score,
        String comment,
        ChurnOutcome churnOutcome,
        ExitOutcome exitOutcome,
        String exitReason,
        String valueTier,
        Instant occurredAt) {

    public static final String TOPIC = "customers.feedback";

    /** {@code tikun.customer.feedback.csat-answered} and so on. */
    public String type() {
        return "tikun.customer.feedback." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
