package io.tikun.followup.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.Commitment;

/**
 * Finds the commitments that time moves on now and locks them for the caller's transaction. Rows another instance
 * has locked are skipped ({@code FOR UPDATE SKIP LOCKED}), and a row it has meanwhile moved on no longer matches, so
 * each step is taken by exactly one instance. The conditions only pre-select: {@code CommitmentLifecycle} decides.
 */
@ApplicationScoped
public class DueCommitmentClaims {

    // CLAIMED_DONE: the claim time is the latest change to CLAIMED_DONE (derived from the history, as the lifecycle
    // does). Without a reminder yet, the reminder is due after one wait; after it, unconfirmed needs a wait since the
    // reminder and two since the claim.
    private static final String DUE = """
            select c.* from {h-schema}commitment c
            where (c.status = 'OPEN' and c.due_at <= :dueSoonFrom)
               or (c.status = 'DUE_SOON' and c.due_at <= :now)
               or (c.status = 'OVERDUE' and c.due_at <= :brokenFrom)
               or (c.status = 'CLAIMED_DONE'
                   and (c.customer_reminded_at is null or c.customer_reminded_at <= :silentFrom)
                   and (select max(h.occurred_at) from {h-schema}commitment_change h
                        where h.commitment_id = c.id and h.to_status = 'CLAIMED_DONE')
                       <= case when c.customer_reminded_at is null then cast(:silentFrom as timestamptz)
                                else cast(:unconfirmedFrom as timestamptz) end)
            order by c.due_at
            limit :limit
            for update of c skip locked""";

    private final FollowupConfig.Lifecycle lifecycle;

    public DueCommitmentClaims(FollowupConfig config) {
        this.lifecycle = config.lifecycle();
    }

    /** Must run inside a transaction: the locks last until it ends. */
    public Uni<List<Commitment>> claim(Instant now, int limit) {
        Duration wait = lifecycle.customerReminderAfter();
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE, Commitment.class)
                .setParameter("now", now)
                .setParameter("dueSoonFrom", now.plus(lifecycle.dueSoonBefore()))
                .setParameter("brokenFrom", now.minus(lifecycle.gracePeriod()))
                .setParameter("silentFrom", now.minus(wait))
                .setParameter("unconfirmedFrom", now.minus(wait.multipliedBy(2)))
                .setParameter("limit", limit)
                .getResultList());
    }
}
