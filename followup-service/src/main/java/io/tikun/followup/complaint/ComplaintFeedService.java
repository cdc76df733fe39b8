package io.tikun.followup.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.exit.ExitInterviewService;
import io.tikun.followup.inbox.ProcessedEvent;
import io.tikun.followup.inbox.ProcessedEventRepository;

/**
 * Keeps follow-up's record of each customer's complaints and their cases, for exit interviews, and opens an exit
 * interview when a complaint in which the customer threatened to leave is closed without a kept promise. Each event
 * is applied once per {@code ce_id}, with its {@code processed_event} row in the same transaction.
 */
@ApplicationScoped
public class ComplaintFeedService {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        /** Its {@code ce_id} was processed before. */
        DUPLICATE,
        /** A case of a complaint follow-up never heard of: nothing to update. */
        UNKNOWN_COMPLAINT,
        /** A churn-intent case closed without a kept promise opened an exit interview. */
        EXIT_INTERVIEW_OPENED
    }

    private final CustomerComplaintRepository complaints;
    private final CommitmentRepository commitments;
    private final ProcessedEventRepository processed;
    private final ExitInterviewService exitInterviews;
    private final Clock clock;

    public ComplaintFeedService(CustomerComplaintRepository complaints, CommitmentRepository commitments,
            ProcessedEventRepository processed, ExitInterviewService exitInterviews, Clock clock) {
        this.complaints = complaints;
        this.commitments = commitments;
        this.processed = processed;
        this.exitInterviews = exitInterviews;
        this.clock = clock;
    }

    /** Files a complaint, once per event id and per complaint id. */
    @WithTransaction
    public Uni<Outcome> complaintReceived(String eventId, ComplaintReceived received) {
        return once(eventId, () -> complaints.findById(received.complaintId()).chain(known -> known != null
                ? Uni.createFrom().item(Outcome.DUPLICATE)
                : complaints.persist(CustomerComplaint.of(received)).replaceWith(Outcome.APPLIED)));
    }

    /** Follows the complaint's case; on {@code resolved}, checks the churn trigger. */
    @WithTransaction
    public Uni<Outcome> caseUpdated(String eventId, CaseUpdated update) {
        return once(eventId, () -> complaints.findById(update.complaintId()).chain(complaint -> {
            if (complaint == null) {
                return Uni.createFrom().item(Outcome.UNKNOWN_COMPLAINT);
            }
            complaint.caseId = update.caseId();
            complaint.caseStatus = update.status();
            complaint.resolvedAt = update.resolved() ? update.occurredAt() : null;
            if (!update.resolved() || !complaint.churnIntent) {
                return Uni.createFrom().item(Outcome.APPLIED);
            }
            return commitments.count("caseId = ?1 and status = ?2", update.caseId(), CommitmentStatus.VERIFIED)
                    .chain(kept -> kept > 0 ? Uni.createFrom().item(Outcome.APPLIED)
                            : exitInterviews.openForClosedChurnCase(complaint.customerId, update.caseId(),
                                    complaint.reference)
                                    .map(opened -> opened ? Outcome.EXIT_INTERVIEW_OPENED : Outcome.APPLIED));
        }));
    }

    private Uni<Outcome> once(String eventId, Supplier<Uni<Outcome>> apply) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(Outcome.DUPLICATE)
                : apply.get().call(() -> processed.persist(ProcessedEvent.of(eventId, now))));
    }
}
