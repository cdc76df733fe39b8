package io.tikun.routing.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.Actor;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.conversation.CustomerMessages;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxMessage;
import io.tikun.routing.outbox.OutboxRepository;
import io.tikun.routing.problem.NotFoundProblem;
import io.tikun.routing.problem.StaleVersionProblem;
import io.tikun.routing.promise.PromiseBook;

/** Records promises made on cases and hands them to follow-up through {@code commitments.made}. */
@ApplicationScoped
public class CommitmentService {

    private final CaseRepository cases;
    private final OutboxRepository outbox;
    private final EventJson json;
    private final CustomerMessages customer;
    private final PromiseBook promises;
    private final Clock clock;

    public CommitmentService(CaseRepository cases, OutboxRepository outbox, EventJson json, CustomerMessages customer,
            PromiseBook promises, Clock clock) {
        this.cases = cases;
        this.promises = promises;
        this.customer = customer;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The commitment as announced, and the outbox rows to publish once the transaction commits (the commitment and
     * the expectation summary to the customer).
     */
    public record Made(CommitmentMade commitment, List<UUID> outboxIds) {
    }

    @WithTransaction
    public Uni<Made> make(UUID caseId, NewCommitmentRequest request, Actor actor) {
        return make(caseId, request, actor, null);
    }

    /**
     * As {@link #make(UUID, NewCommitmentRequest, Actor)}, refused with {@link StaleVersionProblem} when the case is no
     * longer at {@code expectedVersion} (the version a page showed; null for any). Ownership is checked first.
     */
    @WithTransaction
    public Uni<Made> make(UUID caseId, NewCommitmentRequest request, Actor actor, Long expectedVersion) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return cases.findById(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No case with id " + caseId))
                .invoke(actor::requireMayAct)
                .invoke(c -> {
                    if (expectedVersion != null && expectedVersion != c.version) {
                        throw new StaleVersionProblem("You saw version " + expectedVersion
                                + " of this case; it is at version " + c.version);
                    }
                })
                .chain(c -> makeFor(c, request, actor.user(), now));
    }

    /**
     * Records a promise on a case loaded in the caller's transaction (e.g. one made on a manager's callback) and tells
     * the customer what was agreed, who is responsible and by when (the expectation summary).
     */
    public Uni<Made> makeFor(SupportCase c, NewCommitmentRequest request, String madeBy, Instant now) {
        CommitmentMade made = commitment(c, request, madeBy, now);
        OutboxMessage message = OutboxMessage.of(CommitmentMade.TOPIC, c.customerId, CommitmentMade.TYPE,
                json.write(made), now);
        return outbox.persist(message)
                .chain(() -> promises.made(made))
                .chain(() -> customer.expectationSummary(c, made.commitmentId(), made.what(), made.owner(), made.dueAt(), now))
                .map(summary -> new Made(made, List.of(message.id, summary.outboxId())));
    }

    private static CommitmentMade commitment(SupportCase c, NewCommitmentRequest request, String madeBy, Instant now) {
        return new CommitmentMade(UUID.randomUUID(), c.id, c.complaintId, c.reference,
                new CommitmentMade.Customer(c.customerId, c.customerName, c.customerEmail, c.customerPhone),
                request.what().strip(), request.owner().strip(), request.dueAt(), madeBy, now);
    }
}
