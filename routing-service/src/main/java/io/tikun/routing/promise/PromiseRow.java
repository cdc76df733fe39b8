package io.tikun.routing.promise;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.followup.CommitmentStatus;

/**
 * A promise as a page shows it: its state, whether it is overdue now, and whether it was kept (verified by the
 * customer), not kept (disputed or broken) or still pending.
 */
@TemplateData
public record PromiseRow(UUID commitmentId, UUID caseId, String what, String owner, Instant dueAt, String madeBy,
        Instant madeAt, CommitmentStatus state, Instant updatedAt, boolean overdue) {

    private static final Set<CommitmentStatus> SETTLED = EnumSet.of(CommitmentStatus.CLAIMED_DONE,
            CommitmentStatus.VERIFIED, CommitmentStatus.BROKEN, CommitmentStatus.UNCONFIRMED);
    private static final Set<CommitmentStatus> NOT_KEPT = EnumSet.of(CommitmentStatus.DISPUTED,
            CommitmentStatus.BROKEN);

    /**
     * Overdue when follow-up says so, or when the due time has passed while the promise is still open (follow-up's
     * overdue job may not have run, or may be down): a promise reported done or settled is not overdue.
     */
    public static PromiseRow of(CasePromise p, Instant now) {
        boolean overdue = p.state == CommitmentStatus.OVERDUE
                || (!SETTLED.contains(p.state) && p.state != CommitmentStatus.DISPUTED && p.dueAt != null
                        && p.dueAt.isBefore(now));
        return new PromiseRow(p.commitmentId, p.caseId, p.what, p.owner, p.dueAt, p.madeBy, p.madeAt, p.state,
                p.updatedAt, overdue);
    }

    /** The customer confirmed it was kept. */
    public boolean kept() {
        return state == CommitmentStatus.VERIFIED;
    }

    /** The customer disputed it, or it was broken. */
    public boolean notKept() {
        return NOT_KEPT.contains(state);
    }
}
