package io.tikun.routing.promise;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.commitment.CommitmentMade;
import io.tikun.routing.followup.CommitmentUpdated;

/**
 * Keeps the promises read model: a row when routing makes a promise (in the making's transaction), moved by follow-up's
 * changes. Idempotent and tolerant of order: a change only applies when it is newer than the one the row shows.
 */
@ApplicationScoped
public class PromiseBook {

    private final CasePromiseRepository promises;
    private final CaseRepository cases;
    private final Clock clock;

    public PromiseBook(CasePromiseRepository promises, CaseRepository cases, Clock clock) {
        this.promises = promises;
        this.cases = cases;
        this.clock = clock;
    }

    /** Records a promise routing is announcing; joins the caller's transaction. */
    public Uni<Void> made(CommitmentMade made) {
        return promises.persist(CasePromise.made(made.commitmentId(), made.caseId(), made.customer().id(), made.what(),
                made.owner(), made.dueAt(), made.madeBy(), made.madeAt())).replaceWithVoid();
    }

    /**
     * Applies follow-up's change. A promise this model never saw (made before it existed) is added from the change,
     * without its text, when its case is known; returns whether the model changed.
     */
    @WithTransaction
    public Uni<Boolean> updated(CommitmentUpdated update) {
        Instant now = clock.instant();
        Instant at = update.occurredAt() == null ? now : update.occurredAt();
        return promises.findById(update.commitmentId()).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found.apply(update.status(), update.dueAt(), at, now));
            }
            return cases.findById(update.caseId()).chain(c -> {
                if (c == null) {
                    return Uni.createFrom().item(false);
                }
                CasePromise p = CasePromise.made(update.commitmentId(), c.id, c.customerId, null, null, update.dueAt(),
                        null, null);
                p.stateAt = Instant.EPOCH;
                p.updatedAt = now;
                p.apply(update.status(), update.dueAt(), at, now);
                return promises.persist(p).replaceWith(true);
            });
        });
    }
}
