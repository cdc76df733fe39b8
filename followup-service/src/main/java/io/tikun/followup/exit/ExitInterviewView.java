package io.tikun.followup.exit;

import java.time.Instant;
import java.util.UUID;

/** An exit interview as the API shows it, with the customer's complaint history. */
public record ExitInterviewView(
        UUID id,
        String customerId,
        ExitTrigger trigger,
        String reason,
        UUID caseId,
        String requestedBy,
        String assignee,
        ExitInterviewState state,
        Instant createdAt,
        Instant completedAt,
        String completedBy,
        String notes,
        ExitOutcome outcome,
        /** From the configured list of exit reasons; the notes are the free text. */
        String exitReason,
        CustomerHistory history) {

    static ExitInterviewView of(ExitInterview i, CustomerHistory history) {
        return new ExitInterviewView(i.id, i.customerId, i.trigger, i.reason, i.caseId, i.requestedBy, i.assignee, i.state,
                i.createdAt, i.completedAt, i.completedBy, i.notes, i.outcome, i.exitReason, history);
    }
}
