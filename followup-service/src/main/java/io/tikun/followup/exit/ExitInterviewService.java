package io.tikun.followup.exit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.access.Caller;
import io.tikun.followup.churn.ChurnConfig;
import io.tikun.followup.churn.ChurnDecision;
import io.tikun.followup.churn.ChurnOutcome;
import io.tikun.followup.churn.ChurnWatchService;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.complaint.CustomerComplaint;
import io.tikun.followup.complaint.CustomerComplaintRepository;
import io.tikun.followup.feedback.CustomerFeedbackEvents;
import io.tikun.followup.problem.ChoiceProblem;
import io.tikun.followup.problem.NotFoundProblem;

/**
 * Opens an exit interview once per churn (while one is open for the customer, reporting the churn again finds it),
 * lists them with the customer's history, and records the retention team's result.
 */
@ApplicationScoped
public class ExitInterviewService {

    /** Who the interview names as requester when a closed churn-intent case opened it. */
    public static final String SYSTEM_ACTOR = "followup-service";

    private final ExitInterviewRepository interviews;
    private final CustomerComplaintRepository complaints;
    private final CommitmentRepository commitments;
    private final ChurnWatchService churnWatches;
    private final ChurnConfig churn;
    private final CustomerFeedbackEvents feedback;
    private final Clock clock;

    public ExitInterviewService(ExitInterviewRepository interviews, CustomerComplaintRepository complaints,
            CommitmentRepository commitments, ChurnWatchService churnWatches, ChurnConfig churn,
            CustomerFeedbackEvents feedback, Clock clock) {
        this.feedback = feedback;
        this.interviews = interviews;
        this.complaints = complaints;
        this.commitments = commitments;
        this.churnWatches = churnWatches;
        this.churn = churn;
        this.clock = clock;
    }

    /** An interview and whether this call opened it. */
    public record Opened(ExitInterviewView interview, boolean created) {
    }

    /** Someone reported the customer as having left. */
    @WithTransaction
    public Uni<Opened> reportChurn(String customerId, String reason, String actor) {
        String cleaned = reason == null || reason.isBlank() ? null : reason.strip();
        // Whoever reports the churn holds the interview until a manager completes it.
        return open(customerId, ExitTrigger.REPORTED, cleaned, null, actor, actor)
                .call(() -> churnWatches.customerDecided(customerId, ChurnOutcome.LEFT, ChurnDecision.CHURN_REPORTED,
                        actor))
                .chain(created -> interviews.openFor(customerId)
                        .chain(interview -> withHistory(List.of(interview)))
                        .map(views -> new Opened(views.get(0), created)));
    }

    /**
     * A churn-intent complaint's case closed without a kept promise. Joins the caller's transaction (the consumer's,
     * with its processed-event row). Returns whether a new interview was opened.
     */
    public Uni<Boolean> openForClosedChurnCase(String customerId, UUID caseId, String reference, String assignee) {
        return open(customerId, ExitTrigger.CHURN_INTENT_CASE_CLOSED,
                "case " + reference + " closed without a kept promise after the customer said they would leave",
                caseId, SYSTEM_ACTOR, assignee)
                .invoke(created -> Log.infof("Exit interview for customer %s after case %s closed: %s", customerId,
                        reference, created ? "opened" : "one was already open"));
    }

    @WithSession
    public Uni<List<ExitInterviewView>> list(ExitInterviewState state, int page, int size) {
        return interviews.page(state, page, size).chain(this::withHistory);
    }

    @WithTransaction
    public Uni<ExitInterviewView> complete(UUID id, CompletedInterview result, Caller caller) {
        String actor = caller.name();
        return interviews.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No exit interview with id " + id))
                .invoke(interview -> caller.requireMayActFor(interview.assignee, "this exit interview"))
                .chain(interview -> {
                    if (interview.state != ExitInterviewState.OPEN) {
                        return Uni.createFrom().failure(new ClientErrorException(
                                "This exit interview was already completed by " + interview.completedBy + ".",
                                Response.Status.CONFLICT));
                    }
                    // Checked after the interview's own state, so a completed one answers 409 whatever the body.
                    String reason = exitReason(result);
                    interview.state = ExitInterviewState.COMPLETED;
                    interview.completedAt = now();
                    interview.completedBy = actor;
                    interview.notes = result.notes().strip();
                    interview.outcome = result.outcome();
                    interview.exitReason = reason;
                    return churnOutcome(interview.customerId, result.outcome(), actor)
                            .call(() -> feedback.exitInterviewRecorded(interview.customerId, interview.caseId, null,
                                    result.outcome(), reason, interview.completedAt))
                            .chain(() -> withHistory(List.of(interview))).map(views -> views.get(0));
                });
    }

    /** The reason, checked against the configured list; required when the customer left. */
    private String exitReason(CompletedInterview result) {
        List<String> allowed = churn.exitReasons();
        String given = result.reason() == null || result.reason().isBlank() ? null : result.reason().strip();
        if (given == null && result.outcome() != ExitOutcome.LEFT) {
            return null;
        }
        if (given == null || !allowed.contains(given)) {
            throw new ChoiceProblem("reason", given, allowed);
        }
        return given;
    }

    /** The interview settles the customer's churn watches: LEFT or STAYED; UNREACHABLE leaves them as they are. */
    private Uni<Integer> churnOutcome(String customerId, ExitOutcome outcome, String actor) {
        return switch (outcome) {
            case LEFT -> churnWatches.customerDecided(customerId, ChurnOutcome.LEFT, ChurnDecision.EXIT_INTERVIEW, actor);
            case RETAINED -> churnWatches.customerDecided(customerId, ChurnOutcome.STAYED, ChurnDecision.EXIT_INTERVIEW,
                    actor);
            case UNREACHABLE -> Uni.createFrom().item(0);
        };
    }

    private Uni<Boolean> open(String customerId, ExitTrigger trigger, String reason, UUID caseId, String actor,
            String assignee) {
        return interviews.openIfNone(UUID.randomUUID(), customerId, trigger, reason, caseId, actor, assignee, now());
    }

    /** Two queries for the whole page, not two per interview. */
    private Uni<List<ExitInterviewView>> withHistory(List<ExitInterview> page) {
        Set<String> customers = page.stream().map(i -> i.customerId).collect(Collectors.toSet());
        if (customers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return complaints.forCustomers(customers).chain(filed -> commitments
                .list("customerId in ?1 order by madeAt", customers)
                .map(promised -> {
                    Map<String, List<CustomerComplaint>> complaintsOf = filed.stream()
                            .collect(Collectors.groupingBy(c -> c.customerId));
                    Map<String, List<Commitment>> promisesTo = promised.stream()
                            .collect(Collectors.groupingBy(c -> c.customerId));
                    return page.stream().map(i -> ExitInterviewView.of(i, new CustomerHistory(
                            complaintsOf.getOrDefault(i.customerId, List.of()).stream()
                                    .map(CustomerHistory.Complaint::of).toList(),
                            promisesTo.getOrDefault(i.customerId, List.of()).stream()
                                    .map(CustomerHistory.Promise::of).toList())))
                            .toList();
                }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
