package io.tikun.routing.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.conversation.CustomerMessages;
import io.tikun.routing.metrics.RoutingMetrics;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxMessage;
import io.tikun.routing.outbox.OutboxRepository;
import io.tikun.routing.problem.ConflictProblem;
import io.tikun.routing.problem.NotFoundProblem;
import io.tikun.routing.problem.StaleVersionProblem;
import io.tikun.routing.reports.ResponseTimeMetrics;
import io.tikun.routing.taxonomy.Taxonomy;

/**
 * What agents and managers do to a case: take it, hand it over, answer the customer, resolve
 * and reopen it. Every change checks the version the caller saw (If-Match) and is announced on
 * {@code cases.updated} in the same transaction where the change matters to other services.
 */
@ApplicationScoped
public class CaseWorkflowService {

    private final CaseRepository cases;
    private final OutboxRepository outbox;
    private final ThankYouComposer thanks;
    private final EventJson json;
    private final Duration reEscalateAfter;
    private final CaseClocks clocks;
    private final CaseMessageRepository messages;
    private final RoutingMetrics metrics;
    private final CustomerMessages customer;
    private final Clock clock;
    private final ResponseTimeMetrics responseTimes;
    private final Taxonomy taxonomy;
    private final CaseResolutionRepository resolutions;

    public CaseWorkflowService(CaseRepository cases, OutboxRepository outbox, ThankYouComposer thanks, EventJson json,
            RoutingConfig config, CaseClocks clocks, CaseMessageRepository messages, RoutingMetrics metrics,
            CustomerMessages customer, Clock clock, ResponseTimeMetrics responseTimes, Taxonomy taxonomy,
            CaseResolutionRepository resolutions) {
        this.taxonomy = taxonomy;
        this.resolutions = resolutions;
        this.responseTimes = responseTimes;
        this.cases = cases;
        this.customer = customer;
        this.clocks = clocks;
        this.messages = messages;
        this.metrics = metrics;
        this.outbox = outbox;
        this.thanks = thanks;
        this.json = json;
        this.reEscalateAfter = config.escalation().reEscalateAfter();
        this.clock = clock;
    }

    /**
     * The case after a change, the events to publish once the transaction has committed, and what to record
     * (metrics) once it has.
     */
    public record Changed(UUID caseId, List<UUID> outboxIds, Runnable onCommitted) {
        public Changed(UUID caseId, List<UUID> outboxIds) {
            this(caseId, outboxIds, () -> {
            });
        }
    }

    @WithTransaction
    public Uni<Changed> claim(UUID id, Long expectedVersion, String user, boolean mayTakeOver) {
        return load(id, expectedVersion).map(c -> {
            requireNot(c, CaseStatus.RESOLVED, "A resolved case cannot be claimed; reopen it first.");
            if (c.assignee != null && !c.assignee.equals(user) && !mayTakeOver) {
                throw new ConflictProblem("The case is already assigned to " + c.assignee + "; ask a manager to reassign it.");
            }
            c.assignee = user;
            c.updatedAt = now();
            return new Changed(c.id, List.of());
        });
    }

    @WithTransaction
    public Uni<Changed> assign(UUID id, Long expectedVersion, String assignee) {
        return load(id, expectedVersion).map(c -> {
            requireNot(c, CaseStatus.RESOLVED, "A resolved case cannot be assigned; reopen it first.");
            c.assignee = assignee;
            c.updatedAt = now();
            return new Changed(c.id, List.of());
        });
    }

    /**
     * Records that the customer got a first answer by phone: the answer joins the conversation as a
     * {@code PHONE_RESPONSE} and its time is measured from when the complaint was received.
     */
    @WithTransaction
    public Uni<Changed> recordFirstResponse(UUID id, Long expectedVersion, Actor actor, String summary) {
        String by = actor.user();
        return load(id, expectedVersion, actor).chain(c -> {
            if (c.firstRespondedAt != null) {
                throw new ConflictProblem("The first response was already recorded at " + c.firstRespondedAt + ".");
            }
            requireNot(c, CaseStatus.RESOLVED, "The case is resolved.");
            requireNot(c, CaseStatus.WAITING_ON_CUSTOMER, "The case waits on the customer; resume it first.");
            Instant now = now();
            if (c.assignee == null) {
                c.assignee = by;
            }
            c.replyDueAt = null;
            return messages.persist(CaseMessage.phoneResponse(c, by, summary, now))
                    .chain(() -> firstResponded(c, by, "first response by " + by + ": " + summary, now, now));
        });
    }

    /**
     * The customer got the case's first answer at {@code at} (by phone, or the first reply intake sent): the
     * first-response clock stops, the case is {@code RESPONDED} unless it waits on the customer or is resolved, and
     * {@code responded} is announced, credited to {@code by}. The caller checks that no first response was recorded
     * yet.
     */
    public Uni<Changed> firstResponded(SupportCase c, String by, String reason, Instant at, Instant now) {
        // Late, and the escalation job has not yet counted the breach (its timer still sits on the deadline).
        boolean breachNotYetCounted = at.isAfter(c.firstResponseDueAt) && c.firstResponseDueAt.equals(c.escalationDueAt);
        c.firstRespondedAt = at;
        c.firstRespondedBy = by;
        // Answered: a missed first response can no longer happen, so the escalation timer ends. (The reply timer is
        // the answering action's: a message the customer wrote after the reply was asked for still waits.)
        c.escalationDueAt = null;
        if (c.status == CaseStatus.OPEN) {
            c.status = CaseStatus.RESPONDED;
        }
        c.updatedAt = now;
        Duration took = Duration.between(c.receivedAt, at);
        Runnable measure = () -> {
            metrics.firstResponse(c.severity, c.channel, took);
            responseTimes.firstResponse(c, at);
            if (breachNotYetCounted) {
                metrics.breached(c.severity);
            }
        };
        return announce(c, CaseUpdated.RESPONDED, reason, null, now)
                .map(changed -> new Changed(changed.caseId(), changed.outboxIds(), measure));
    }

    /**
     * An agent's resolution: the category they confirm or correct and the root cause must be on the configured lists
     * (checked before anything else, {@link io.tikun.routing.taxonomy.InvalidChoiceProblem} naming the allowed values).
     * The case keeps the final category and the cause, and a {@code case_resolution} row records the decision, a
     * correction of the classifier included; resolving a reopened case adds another row.
     */
    @WithTransaction
    public Uni<Changed> resolve(UUID id, Long expectedVersion, Actor actor, String resolution, String category,
            String rootCause) {
        String cause = taxonomy.rootCause(rootCause);
        String chosen = taxonomy.category(category);
        return load(id, expectedVersion, actor).chain(c -> resolveWithCause(c, actor.user(), resolution, chosen, cause,
                now()));
    }

    /**
     * Resolves a case loaded in the caller's transaction with the category kept or corrected ({@code category}; null
     * keeps the case's) and the root cause, both from the configured lists, and records the resolution for the
     * classifier's accuracy and the root-cause reports: the agent's resolve form and the manager's resolved callback.
     */
    public Uni<Changed> resolveWithCause(SupportCase c, String by, String resolution, String category, String rootCause,
            Instant now) {
        requireNot(c, CaseStatus.RESOLVED, "The case is already resolved.");
        String cause = taxonomy.rootCause(rootCause);
        String chosen = taxonomy.category(category == null || category.isBlank() ? c.category : category);
        c.category = chosen;
        c.rootCause = cause;
        return resolveCase(c, by, resolution, now).call(
                () -> resolutions.persist(CaseResolution.of(c, chosen, cause, by, now)));
    }

    /** Resolves a case loaded in the caller's transaction (an agent's action, or a manager's successful callback). */
    public Uni<Changed> resolveCase(SupportCase c, String by, String resolution) {
        return resolveCase(c, by, resolution, now());
    }

    /** Resolves a case loaded in the caller's transaction at {@code now}. */
    public Uni<Changed> resolveCase(SupportCase c, String by, String resolution, Instant now) {
        requireNot(c, CaseStatus.RESOLVED, "The case is already resolved.");
        c.status = CaseStatus.RESOLVED;
        c.resolution = resolution;
        c.resolvedAt = now;
        c.escalationDueAt = null;
        c.replyDueAt = null;
        c.resolutionEscalationDueAt = null;
        c.waitingSince = null;
        c.updatedAt = now;
        c.resolutions++;
        String thankYou = thanks.compose(c);
        // Once per resolution: the thank-you's messageId carries the resolution's number.
        return customer.thankYou(c, thankYou, now).chain(requested -> announce(c, CaseUpdated.RESOLVED, "resolved by " + by,
                thankYou, now).map(
                        changed -> new Changed(changed.caseId(),
                                List.of(requested.outboxId(), changed.outboxIds().get(0)))));
    }

    /**
     * The agent asked the customer something and waits for the answer: every clock of the case stands still
     * until the customer writes or the agent resumes. Asking is also an answer to any message waiting.
     */
    @WithTransaction
    public Uni<Changed> waitOnCustomer(UUID id, Long expectedVersion, Actor actor) {
        String by = actor.user();
        return load(id, expectedVersion, actor).map(c -> {
            requireNot(c, CaseStatus.RESOLVED, "A resolved case does not wait on the customer.");
            requireNot(c, CaseStatus.WAITING_ON_CUSTOMER,
                    "The case already waits on the customer since " + c.waitingSince + ".");
            Instant now = now();
            clocks.pause(c, now);
            if (c.assignee == null) {
                c.assignee = by;
            }
            return new Changed(c.id, List.of());
        });
    }

    /** The wait on the customer ends without an answer from them: the clocks run again from now. */
    @WithTransaction
    public Uni<Changed> resume(UUID id, Long expectedVersion, Actor actor) {
        return load(id, expectedVersion, actor).map(c -> {
            if (c.status != CaseStatus.WAITING_ON_CUSTOMER) {
                throw new ConflictProblem("Only a case waiting on the customer can be resumed; this one is " + c.status + ".");
            }
            clocks.resume(c, now());
            return new Changed(c.id, List.of());
        });
    }

    /**
     * An agent's or manager's reply to the customer: it joins the conversation as {@code REQUESTED} and intake is asked
     * to deliver it, in one transaction. It answers any message waiting (the unanswered-reply timer ends); an agent
     * replying to a case nobody holds takes it. The first reply intake reports sent is the first response.
     */
    @WithTransaction
    public Uni<Changed> reply(UUID id, Long expectedVersion, Actor actor, String text) {
        return load(id, expectedVersion, actor).chain(c -> {
            requireNot(c, CaseStatus.RESOLVED, "The case is resolved; reopen it first.");
            Instant now = now();
            c.replyDueAt = null;
            c.updatedAt = now;
            if (c.assignee == null && !actor.actsOnEveryCase()) {
                c.assignee = actor.user();
            }
            return customer.reply(c, actor.user(), actor.name(), text, now)
                    .map(requested -> new Changed(c.id, List.of(requested.outboxId()), () -> responseTimes.replied(c)));
        });
    }

    /**
     * Sends again a customer message whose delivery failed (after the customer fixed their address, or the network
     * recovered), as a new message on the conversation; each failure can be resent once, by whoever may act on the
     * case, whatever its status (a failed thank-you on a resolved case too).
     */
    @WithTransaction
    public Uni<Changed> resend(UUID id, Long expectedVersion, Actor actor, UUID messageId) {
        return load(id, expectedVersion, actor).chain(c -> messages.lockOnCase(c.id, messageId).chain(failed -> {
            if (failed == null) {
                throw new NotFoundProblem("Case " + id + " has no message " + messageId + ".");
            }
            if (!failed.mayBeResent()) {
                throw new ConflictProblem(failed.resentAs != null
                        ? "This message was already sent again as message " + failed.resentAs + "."
                        : "Only a message to the customer whose delivery failed can be sent again; this one is "
                                + (failed.deliveryStatus == null ? failed.kind : failed.deliveryStatus) + ".");
            }
            Instant now = now();
            c.updatedAt = now;
            return customer.resend(c, failed, actor.user(), actor.name(), now).map(requested -> {
                failed.resentAs = requested.message().id;
                return new Changed(c.id, List.of(requested.outboxId()));
            });
        }));
    }

    /** An internal note on the case: stored and shown to colleagues, never sent to the customer. */
    @WithTransaction
    public Uni<Changed> note(UUID id, Long expectedVersion, Actor actor, String text) {
        return load(id, expectedVersion, actor).chain(c -> {
            Instant now = now();
            c.updatedAt = now;
            return messages.persist(CaseMessage.note(c, actor.user(), text, now)).replaceWith(new Changed(c.id, List.of()));
        });
    }

    @WithTransaction
    public Uni<Changed> reopen(UUID id, Long expectedVersion, Actor actor, String reason) {
        String by = actor.user();
        return load(id, expectedVersion, actor).chain(c -> {
            if (c.status != CaseStatus.RESOLVED) {
                throw new ConflictProblem("Only a resolved case can be reopened; this one is " + c.status + ".");
            }
            Instant now = now();
            c.status = CaseStatus.OPEN;
            c.resolvedAt = null;
            c.updatedAt = now;
            restartEscalationTimer(c, now);
            restartResolutionTimer(c, now);
            return announce(c, CaseUpdated.REOPENED, "reopened by " + by + ": " + reason, null, now);
        });
    }

    /**
     * A case resolved before anyone answered the customer still owes a first response when reopened, so its
     * timer runs again: from the original deadline if that is still ahead, otherwise one
     * {@code re-escalate-after} from now. The grace keeps the reopening agent from paging managers at once
     * over a deadline that was missed before the case was closed.
     */
    private void restartEscalationTimer(SupportCase c, Instant now) {
        if (c.firstRespondedAt != null) {
            return;
        }
        c.escalationDueAt = c.firstResponseDueAt.isAfter(now) ? c.firstResponseDueAt : now.plus(reEscalateAfter);
    }

    /**
     * A case resolved before its resolution deadline and reopened while that deadline is still ahead is guarded
     * by it again. Once the deadline has passed it stays off: the case was resolved in time or its missed
     * resolution was already escalated, and reopening is not a new breach.
     */
    private static void restartResolutionTimer(SupportCase c, Instant now) {
        if (c.resolutionDueAt != null && c.resolutionDueAt.isAfter(now)) {
            c.resolutionEscalationDueAt = c.resolutionDueAt;
        }
    }

    private Uni<Changed> announce(SupportCase c, String change, String reason, String customerMessage, Instant now) {
        CaseUpdated event = CaseUpdated.of(c, change, reason, customerMessage, now);
        OutboxMessage message = OutboxMessage.of(CaseUpdated.TOPIC, c.customerId, event.type(), json.write(event), now);
        return outbox.persist(message).replaceWith(new Changed(c.id, List.of(message.id)));
    }

    /**
     * The case, if the caller may act on it and saw its current version. Ownership is checked first: an agent who
     * may not touch the case learns nothing about its version or state.
     */
    private Uni<SupportCase> load(UUID id, Long expectedVersion, Actor actor) {
        return find(id).invoke(actor::requireMayAct).invoke(c -> requireVersion(c, expectedVersion));
    }

    private Uni<SupportCase> load(UUID id, Long expectedVersion) {
        return find(id).invoke(c -> requireVersion(c, expectedVersion));
    }

    private Uni<SupportCase> find(UUID id) {
        return cases.findById(id).onItem().ifNull().failWith(() -> new NotFoundProblem("No case with id " + id));
    }

    private static void requireVersion(SupportCase c, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new StaleVersionProblem("You saw version " + expectedVersion + " of this case; it is at version "
                    + c.version + " now. Reload it and decide again.");
        }
    }

    private static void requireNot(SupportCase c, CaseStatus status, String message) {
        if (c.status == status) {
            throw new ConflictProblem(message);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
