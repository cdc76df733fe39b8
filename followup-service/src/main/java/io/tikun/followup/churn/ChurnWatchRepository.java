package io.tikun.followup.churn;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** Churn watches in PostgreSQL; the bulk decisions are single statements, so two instances cannot decide twice. */
@ApplicationScoped
@WithSession
public class ChurnWatchRepository implements PanacheRepositoryBase<ChurnWatch, UUID> {

    private static final String OPEN = """
            insert into {h-schema}churn_watch (id, complaint_id, customer_id, opened_at, outcome, version)
            values (:id, :complaintId, :customerId, :openedAt, 'UNKNOWN', 0)
            on conflict (complaint_id) do nothing""";

    private static final String DECIDE_CUSTOMER = """
            update {h-schema}churn_watch
            set outcome = :outcome, decided_at = :now, decided_by = :by, decided_because = :because,
                version = version + 1
            where customer_id = :customerId and outcome = 'UNKNOWN'""";

    // The customer was seen again after the watch opened: a later complaint, or a rating of any of their cases.
    private static final String SETTLE_QUIET = """
            update {h-schema}churn_watch w
            set outcome = 'STAYED', decided_at = :now, decided_by = :by, decided_because = 'QUIET_PERIOD',
                version = version + 1
            where w.outcome = 'UNKNOWN' and w.opened_at <= :quietBefore and (
                exists (select 1 from {h-schema}customer_complaint c
                        where c.customer_id = w.customer_id and c.received_at > w.opened_at)
                or exists (select 1 from {h-schema}case_csat_response r
                           join {h-schema}customer_complaint c on c.complaint_id = r.complaint_id
                           where c.customer_id = w.customer_id and r.responded_at > w.opened_at))
            returning w.customer_id""";

    /** Joins the caller's transaction; a second watch for the same complaint is not opened. */
    public Uni<Boolean> openIfNone(UUID id, String complaintId, String customerId, Instant openedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN)
                .setParameter("id", id)
                .setParameter("complaintId", complaintId)
                .setParameter("customerId", customerId)
                .setParameter("openedAt", openedAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Decides every UNKNOWN watch of the customer; joins the caller's transaction. Returns how many. */
    public Uni<Integer> decideUnknownOf(String customerId, ChurnOutcome outcome, ChurnDecision because, String by,
            Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DECIDE_CUSTOMER)
                .setParameter("customerId", customerId)
                .setParameter("outcome", outcome.name())
                .setParameter("because", because.name())
                .setParameter("by", by)
                .setParameter("now", now)
                .executeUpdate());
    }

    /**
     * The quiet-period rule; joins the caller's transaction. Returns the customer of each watch that became STAYED (one
     * entry per watch), so only the instance whose update decided them announces it.
     */
    public Uni<List<String>> settleQuiet(Instant quietBefore, String by, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SETTLE_QUIET, String.class)
                .setParameter("quietBefore", quietBefore)
                .setParameter("by", by)
                .setParameter("now", now)
                .getResultList());
    }

    /** Newest first; every outcome when {@code outcome} is null. */
    public Uni<List<ChurnWatch>> page(ChurnOutcome outcome, int page, int size) {
        return (outcome == null ? find("order by openedAt desc, id")
                : find("outcome = ?1 order by openedAt desc, id", outcome))
                .page(Page.of(page, size)).list();
    }

    public Uni<ChurnWatch> forComplaint(String complaintId) {
        return find("complaintId", complaintId).firstResult();
    }
}
