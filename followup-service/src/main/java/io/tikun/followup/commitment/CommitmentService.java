package io.tikun.followup.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.access.Caller;
import io.tikun.followup.inbox.ProcessedEvent;
import io.tikun.followup.inbox.ProcessedEventRepository;
import io.tikun.followup.lifecycle.CommitmentEvent;
import io.tikun.followup.problem.NotFoundProblem;
import io.tikun.followup.routing.CommitmentMade;
import io.tikun.followup.verification.CustomerRequestSender;

/** Starts tracking promises, shows and lists them, records the owner's claim that one was kept, and reopens them. */
@ApplicationScoped
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final CommitmentChangeRepository changes;
    private final ProcessedEventRepository processed;
    private final CommitmentTransitions transitions;
    private final CustomerRequestSender customers;
    private final Clock clock;

    public CommitmentService(CommitmentRepository commitments, CommitmentChangeRepository changes,
            ProcessedEventRepository processed, CommitmentTransitions transitions, CustomerRequestSender customers,
            Clock clock) {
        this.commitments = commitments;
        this.changes = changes;
        this.processed = processed;
        this.transitions = transitions;
        this.customers = customers;
        this.clock = clock;
    }

    /** A page of commitments and how many there are over all pages. */
    public record CommitmentPage(List<CommitmentView> items, long total) {
    }

    /**
     * The owner says the promise was kept: the commitment awaits the customer's answer, and the question to the
     * customer is requested from intake in the same transaction. Its outbox row has the customer's key, like the
     * {@code commitments.updated} row, so publishing that row publishes it right after (in order).
     */
    @WithTransaction
    public Uni<CommitmentTransitions.Applied> claimDone(UUID id, String note, Caller caller) {
        return transitions.apply(id, CommitmentEvent.OWNER_CLAIMED_DONE, caller, note.strip())
                .call(applied -> customers.queue(CustomerRequestSender.Subject.of(applied.commitment()),
                        applied.event().occurredAt()));
    }

    /**
     * Takes up a disputed promise again with a new due date; the links sent for earlier claims stop working, so
     * that only the request of the next claim can answer it.
     */
    @WithTransaction
    public Uni<CommitmentTransitions.Applied> reopen(UUID id, Instant newDueAt, String note, Caller caller) {
        return transitions.reopen(id, newDueAt, caller, note.strip())
                .call(applied -> customers.revokeLinks(id));
    }

    /** One page of the commitments the query selects, each with its history. */
    @WithTransaction
    public Uni<CommitmentPage> list(CommitmentQuery query) {
        return commitments.count(query).chain(total -> commitments.search(query).chain(found -> changes
                .forCommitments(found.stream().map(c -> c.id).toList())
                .map(history -> new CommitmentPage(found.stream().map(c -> CommitmentView.of(c, history)).toList(),
                        total))));
    }

    /** Starts tracking a promise, once per event id and per commitment id. Returns whether it was new. */
    @WithTransaction
    public Uni<Boolean> track(String eventId, CommitmentMade made) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return processed.alreadyProcessed(eventId).chain(seen -> seen ? Uni.createFrom().item(false)
                : commitments.findById(made.commitmentId()).chain(existing -> {
                    Uni<Boolean> outcome = existing != null ? Uni.createFrom().item(false) : start(made, now);
                    return outcome.call(() -> processed.persist(ProcessedEvent.of(eventId, now)));
                }));
    }

    private Uni<Boolean> start(CommitmentMade made, Instant now) {
        Commitment c = new Commitment();
        c.id = made.commitmentId();
        c.caseId = made.caseId();
        c.complaintId = made.complaintId();
        c.reference = made.reference();
        c.customerId = made.customer().id();
        c.customerName = made.customer().name();
        c.customerEmail = made.customer().email();
        c.customerPhone = made.customer().phone();
        c.what = made.what();
        c.owner = made.owner();
        c.dueAt = made.dueAt();
        c.madeBy = made.madeBy();
        c.madeAt = made.madeAt();
        c.status = CommitmentStatus.OPEN;
        c.updatedAt = now;
        CommitmentChange first = CommitmentChange.of(c.id, null, CommitmentStatus.OPEN, made.madeBy(),
                "promised on case " + made.reference(), now);
        return commitments.persist(c).chain(() -> changes.persist(first)).replaceWith(true);
    }

    @WithTransaction
    public Uni<List<CommitmentView>> forCase(UUID caseId) {
        return commitments.forCase(caseId).chain(found -> changes
                .forCommitments(found.stream().map(c -> c.id).toList())
                .map(history -> found.stream().map(c -> CommitmentView.of(c, history)).toList()));
    }

    @WithTransaction
    public Uni<CommitmentView> get(UUID id) {
        return commitments.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No commitment with id " + id))
                .chain(c -> changes.forCommitments(List.of(c.id)).map(history -> CommitmentView.of(c, history)));
    }
}
