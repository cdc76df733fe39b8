package io.tikun.followup.verification;

import java.util.UUID;

import io.tikun.followup.commitment.CommitmentView;

/**
 * What became of a customer's link: a page to show, and for a recorded answer the outbox row to publish.
 *
 * @param refusal null when the link was usable
 * @param action what the link is for; null when the link cannot be trusted
 * @param commitment the commitment, when known
 * @param outboxId the {@code commitments.updated} row of a recorded answer; null otherwise
 * @param thankYouOutboxId the thank-you requested from intake with a confirmation; null otherwise
 * @param language the customer's language, for the page; null when refused (those pages speak the browser's language)
 */
public record CustomerAnswer(Refusal refusal, LinkAction action, CommitmentView commitment, UUID outboxId,
        UUID thankYouOutboxId, CustomerLanguage language) {

    /** Why a link did nothing. */
    public enum Refusal {
        MALFORMED,
        TAMPERED,
        EXPIRED,
        ALREADY_USED,
        /** An authentic link for something other than confirming or denying a fix. */
        WRONG_LINK,
        UNKNOWN_COMMITMENT,
        /** The commitment no longer awaits the customer's answer (answered through the other link, or closed). */
        ALREADY_ANSWERED;

        static Refusal of(LinkOutcome outcome) {
            return switch (outcome) {
                case MALFORMED -> MALFORMED;
                case TAMPERED -> TAMPERED;
                case EXPIRED -> EXPIRED;
                case ALREADY_USED -> ALREADY_USED;
                case WRONG_COMMITMENT -> WRONG_LINK;
                case VALID -> throw new IllegalArgumentException("a valid link is not refused");
            };
        }
    }

    static CustomerAnswer refused(Refusal refusal) {
        return new CustomerAnswer(refusal, null, null, null, null, null);
    }

    static CustomerAnswer ready(LinkAction action, CommitmentView commitment, CustomerLanguage language) {
        return new CustomerAnswer(null, action, commitment, null, null, language);
    }

    static CustomerAnswer recorded(LinkAction action, CommitmentView commitment, UUID outboxId, UUID thankYouOutboxId,
            CustomerLanguage language) {
        return new CustomerAnswer(null, action, commitment, outboxId, thankYouOutboxId, language);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
