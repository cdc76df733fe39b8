package io.tikun.followup.churn;

import java.time.Instant;
import java.util.UUID;

/** A churn watch as the API shows it. */
public record ChurnWatchView(UUID id, String complaintId, String customerId, Instant openedAt, ChurnOutcome outcome,
        Instant decidedAt, String decidedBy, ChurnDecision decidedBecause, String note) {

    static ChurnWatchView of(ChurnWatch w) {
        return new ChurnWatchView(w.id, w.complaintId, w.customerId, w.openedAt, w.outcome, w.decidedAt, w.decidedBy,
                w.decidedBecause, w.note);
    }
}
