package io.tikun.followup.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.churn.ChurnWatchService;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.csat.CaseSurveys;
import io.tikun.followup.exit.ExitInterviewService;
import io.tikun.followup.feedback.CustomerFeedbackEvents;
import io.tikun.followup.inbox.ProcessedEvent;
import io.tikun.followup.inbox.ProcessedEventRepository;

/**
 * Keeps follow-up's record of each customer's complaints and their cases, for exit interviews; when a case is resolved
 * it requests the case's satisfaction survey (once per case), and opens an exit interview when a complaint in which the
 * customer threatened to leave is closed without a kept promise. A churn-intent complaint opens a churn watch; each case
 * change records the handling facts the churn and return reports read. Each event
 * is applied once per {@code ce_id}, with its {@code processed_event} row in the same transaction.
 */
@ApplicationScoped
public class ComplaintFeedService {

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        /** Its {@code ce_id} was processed before. */
        DUPLICATE,
        /** A case of a complaint follow-up has not heard of yet: kept until the complaint arrives. */
        UNKNOWN_COMPLAINT,
        /** A churn-intent case closed without a kept promise opened an exit interview. */
        EXIT_INTERVIEW_OPENED
    }

    private final CustomerComplaintRepository complaints;
    private final CommitmentRepository commitments;
    private final ProcessedEventRepository processed;
    private final ExitInterviewService exitInterviews;
    private final EarlyCaseUpdateRepository early;
    private final CaseSurveys surveys;
    private final ChurnWatchService churnWatches;
    private final CustomerFeedbackEvents feedback;
    private final Clock clock;

    public ComplaintFeedService(CustomerComplaintRepository complaints, CommitmentRepository commitments,
            ProcessedEventRepository processed, ExitInterviewService exitInterviews, EarlyCaseUpdateRepository early,
            CaseSurveys surveys, ChurnWatchService churnWatches, CustomerFeedbackEvents feedback, Clock clock) {
        this.feedback = feedback;
        this.complaints = complaints;
        this.commitments = commitments;
        this.processed = processed;
        this.exitInterviews = exitInterviews;
        this.early = early;
        this.surveys = surveys;
        this.churnWatches = churnWatches;
        this.clock = clock;
    }

    /**
     * Files a complaint, once per event id and per complaint id, and applies the change of its case that arrived
     * before it, if any (the two topics are consumed independently).
     */
    @WithTransaction
    public Uni<Outcome> complaintReceived(String eventId, ComplaintReceived received) {
        return once(eventId, () -> complaints.findById(received.complaintId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            CustomerComplaint complaint = CustomerComplaint.of(received);
            return complaints.persist(complaint)
                    // A probe's words may say "I'll leave": nobody is watched or interviewed for it.
                    .call(() -> complaint.churnIntent && !complaint.probe
                            ? churnWatches.open(complaint.complaintId, complaint.customerId, complaint.receivedAt)
                                    .call(opened -> opened ? feedback.churnWatchOpened(complaint.customerId,
                                            complaint.reference, complaint.receivedAt) : Uni.createFrom().voidItem())
                            : Uni.createFrom().voidItem())
                    .chain(() -> early.findById(received.complaintId()))
                    .chain(waiting -> waiting == null ? Uni.createFrom().item(Outcome.APPLIED)
                            : early.delete(waiting).chain(() -> follow(complaint, waiting.asUpdate())));
        }));
    }

    /**
     * Follows the complaint's case; on {@code resolved}, checks the churn trigger. A change of a complaint not heard
     * of yet is kept (the latest one) until the complaint arrives.
     */
    @WithTransaction
    public Uni<Outcome> caseUpdated(String eventId, CaseUpdated update) {
        return once(eventId, () -> complaints.findById(update.complaintId()).chain(complaint -> complaint == null
                ? early.keepLatest(update, now()).replaceWith(Outcome.UNKNOWN_COMPLAINT)
                : follow(complaint, update)));
    }

    private Uni<Outcome> follow(CustomerComplaint complaint, CaseUpdated update) {
        complaint.caseId = update.caseId();
        complaint.caseStatus = update.status().name();
        complaint.resolvedAt = update.resolved() ? update.occurredAt() : null;
        recordHandling(complaint, update);
        if (!update.resolved()) {
            return Uni.createFrom().item(Outcome.APPLIED);
        }
        // The satisfaction survey goes once per case (a reopened case resolved again is not asked twice).
        return surveys.queue(complaint, update.caseId()).chain(() -> exitInterviewIfChurned(complaint, update));
    }

    /** The facts the churn and return reports read; an optional field routing did not send keeps what was known. */
    private static void recordHandling(CustomerComplaint complaint, CaseUpdated update) {
        complaint.highestLevel = CaseLevel.higher(complaint.highestLevel, update.level());
        if (update.callbackScheduled()) {
            complaint.callbacks++;
        }
        if (update.category() != null && !update.category().isBlank()) {
            complaint.category = update.category().strip();
        }
        if (update.productId() != null) {
            complaint.productId = update.productId();
        }
        if (update.rootCause() != null) {
            complaint.rootCause = update.rootCause();
        }
        if (update.firstResponseWithinSla() != null) {
            complaint.firstResponseWithinSla = update.firstResponseWithinSla();
        }
    }

    private Uni<Outcome> exitInterviewIfChurned(CustomerComplaint complaint, CaseUpdated update) {
        if (!complaint.churnIntent) {
            return Uni.createFrom().item(Outcome.APPLIED);
        }
        return commitments.count("caseId = ?1 and status = ?2", update.caseId(), CommitmentStatus.VERIFIED)
                .chain(kept -> kept > 0 ? Uni.createFrom().item(Outcome.APPLIED)
                        : exitInterviews.openForClosedChurnCase(complaint.customerId, update.caseId(),
                                complaint.reference, update.assignee())
                                .map(opened -> opened ? Outcome.EXIT_INTERVIEW_OPENED : Outcome.APPLIED));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Outcome> once(String eventId, Supplier<Uni<Outcome>> apply) {
        Instant now = now();
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(Outcome.DUPLICATE)
                : apply.get().call(() -> processed.persist(ProcessedEvent.of(eventId, now))));
    }
}
