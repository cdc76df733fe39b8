package io.tikun.routing.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.CaseWorkflowService;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.commitment.CommitmentService;
import io.tikun.routing.conversation.CustomerMessages;
import io.tikun.routing.problem.ConflictProblem;
import io.tikun.routing.problem.NotFoundProblem;
import io.tikun.routing.problem.StaleVersionProblem;
import io.tikun.routing.taxonomy.Taxonomy;

/**
 * The service manager's callback tasks: lists, one task with the customer's history, and the outcome of a
 * call, which resolves the case, turns a promised fix into a commitment, or schedules the next call.
 */
@ApplicationScoped
public class CallbackService {

    private final CallbackTaskRepository tasks;
    private final CallbackAttemptRepository attempts;
    private final CaseRepository cases;
    private final CaseWorkflowService workflow;
    private final CommitmentService commitments;
    private final CallbackScheduler scheduler;
    private final RoutingConfig.Callback config;
    private final CustomerMessages customer;
    private final Taxonomy taxonomy;
    private final Clock clock;

    public CallbackService(CallbackTaskRepository tasks, CallbackAttemptRepository attempts, CaseRepository cases,
            CaseWorkflowService workflow, CommitmentService commitments, CallbackScheduler scheduler, RoutingConfig config,
            CustomerMessages customer, Clock clock, Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.customer = customer;
        this.tasks = tasks;
        this.attempts = attempts;
        this.cases = cases;
        this.workflow = workflow;
        this.commitments = commitments;
        this.scheduler = scheduler;
        this.config = config.callback();
        this.clock = clock;
    }

    /** A page of tasks and how many match in all. */
    public record Page(List<CallbackView> items, long total) {
    }

    /** What recording an outcome committed, to send once the transaction is done. */
    public record Recorded(UUID taskId, CallbackOutcome outcome, List<UUID> outboxIds, List<UUID> notificationIds) {
    }

    @WithTransaction
    public Uni<Page> list(CallbackState state, Instant dueBy, int page, int size) {
        Instant now = clock.instant();
        return tasks.search(state, dueBy, page, size).chain(found -> {
            List<UUID> caseIds = found.tasks().stream().map(t -> t.caseId).distinct().toList();
            Uni<List<SupportCase>> ofTasks = caseIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : cases.list("id in ?1", caseIds);
            return ofTasks.map(loaded -> {
                Map<UUID, SupportCase> byId = loaded.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
                return new Page(found.tasks().stream().map(t -> CallbackView.summary(t, byId.get(t.caseId), now)).toList(),
                        found.total());
            });
        });
    }

    @WithTransaction
    public Uni<CallbackView> view(UUID id) {
        Instant now = clock.instant();
        return tasks.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No callback with id " + id))
                .chain(task -> cases.findById(task.caseId)
                        .chain(c -> attempts.of(task.id)
                                .chain(calls -> cases.ofCustomer(c.customerId)
                                        .map(history -> CallbackView.of(task, c, calls, history, now)))));
    }

    @WithTransaction
    public Uni<Recorded> recordOutcome(UUID id, Long expectedVersion, CallbackOutcomeRequest request, String by) {
        requireDetails(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tasks.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No callback with id " + id))
                .invoke(task -> {
                    if (expectedVersion != null && expectedVersion != task.version) {
                        throw new StaleVersionProblem(
                                "You saw version " + expectedVersion + " of this callback; it is at version "
                                        + task.version + " now. Reload it and decide again.");
                    }
                    if (task.state != CallbackState.OPEN) {
                        throw new ConflictProblem("This callback is " + task.state + "; no further call is expected.");
                    }
                })
                .chain(task -> cases.findById(task.caseId).chain(c -> {
                    String note = request.note() == null ? null : request.note().strip();
                    task.attempts++;
                    task.lastOutcome = request.outcome();
                    task.updatedAt = now;
                    Recorded recorded = new Recorded(task.id, request.outcome(), new ArrayList<>(), new ArrayList<>());
                    CallbackAttempt attempt = CallbackAttempt.of(task.id, request.outcome(), note, by, now);
                    return attempts.persist(attempt)
                            .chain(() -> summarize(c, attempt, request, note, now, recorded))
                            .chain(() -> apply(task, c, request, note, by, now, recorded))
                            .replaceWith(recorded);
                }));
    }

    /**
     * A call that reached the customer is summed up for them: what was discussed and agreed, in the manager's note
     * (for a promised fix without a note, the promise itself).
     */
    private Uni<Void> summarize(SupportCase c, CallbackAttempt attempt, CallbackOutcomeRequest request, String note,
            Instant now, Recorded recorded) {
        String agreed = note != null && !note.isBlank() ? note
                : request.outcome() == CallbackOutcome.REACHED_FIX_PROMISED ? request.promise().what().strip() : null;
        if (request.outcome() == CallbackOutcome.NOT_REACHED || agreed == null) {
            return Uni.createFrom().voidItem();
        }
        return customer.callbackSummary(c, attempt.id, agreed, now)
                .invoke(summary -> recorded.outboxIds().add(summary.outboxId())).replaceWithVoid();
    }

    private Uni<Void> apply(CallbackTask task, SupportCase c, CallbackOutcomeRequest request, String note, String by,
            Instant now, Recorded recorded) {
        return switch (request.outcome()) {
            case REACHED_RESOLVED -> {
                task.state = CallbackState.DONE;
                yield c.status == CaseStatus.RESOLVED ? Uni.createFrom().voidItem()
                        : workflow.resolveWithCause(c, by, note, request.category(), request.rootCause(),
                                now.plus(1, ChronoUnit.MICROS))
                                .invoke(changed -> recorded.outboxIds().addAll(changed.outboxIds()))
                                .replaceWithVoid();
            }
            case REACHED_FIX_PROMISED -> {
                task.state = CallbackState.DONE;
                // A microsecond after the call's summary, so that comes first in the conversation.
                yield commitments.makeFor(c, request.promise(), by, now.plus(1, ChronoUnit.MICROS)).invoke(made -> {
                    task.commitmentId = made.commitment().commitmentId();
                    recorded.outboxIds().addAll(made.outboxIds());
                }).replaceWithVoid();
            }
            case NOT_REACHED -> notReached(task, c, request.retryAt(), now, recorded);
        };
    }

    /**
     * Another call at {@code retryAt} (else after {@code retry-after}), announced and notified again, until
     * {@code max-attempts} calls were made.
     */
    private Uni<Void> notReached(CallbackTask task, SupportCase c, Instant retryAt, Instant now, Recorded recorded) {
        if (task.attempts >= config.maxAttempts()) {
            task.state = CallbackState.GAVE_UP;
            return Uni.createFrom().voidItem();
        }
        Duration retryAfter = config.retryAfter();
        task.dueAt = retryAt != null && retryAt.isAfter(now) ? retryAt.truncatedTo(ChronoUnit.MICROS) : now.plus(retryAfter);
        c.callbackDueAt = task.dueAt;
        c.updatedAt = now;
        return scheduler.announce(c, task, "customer not reached on call " + task.attempts + " of " + config.maxAttempts()
                + "; next call by " + task.dueAt, now).invoke(scheduled -> {
                    recorded.outboxIds().addAll(scheduled.outboxIds());
                    recorded.notificationIds().addAll(scheduled.notificationIds());
                }).replaceWithVoid();
    }

    private void requireDetails(CallbackOutcomeRequest request) {
        if (request.outcome() == CallbackOutcome.REACHED_RESOLVED && (request.note() == null || request.note().isBlank())) {
            throw new BadRequestException("A resolved callback needs 'note': how the complaint was resolved.");
        }
        if (request.outcome() == CallbackOutcome.REACHED_RESOLVED) {
            // Like an agent's resolution: the root cause from the configured list (400 problem+json naming it).
            taxonomy.rootCause(request.rootCause());
        }
        if (request.outcome() == CallbackOutcome.REACHED_FIX_PROMISED && request.promise() == null) {
            throw new BadRequestException(
                    "A promised fix needs 'promise': what was promised in the customer's words, its owner and due date.");
        }
    }
}
