package io.tikun.followup.exit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** Exit interviews in PostgreSQL. */
@ApplicationScoped
@WithSession
public class ExitInterviewRepository implements PanacheRepositoryBase<ExitInterview, UUID> {

    // The partial unique index (one OPEN interview per customer) decides atomically: of two reports of the same
    // churn, on any instances, the second inserts nothing and finds the first.
    private static final String OPEN = """
            insert into {h-schema}exit_interview
                (id, customer_id, trigger, reason, case_id, requested_by, assignee, state, created_at, version)
            values (:id, :customerId, :trigger, :reason, :caseId, :requestedBy, :assignee, 'OPEN', :now, 0)
            on conflict (customer_id) where state = 'OPEN' do nothing""";

    /** Joins the caller's transaction. Returns whether a new interview was opened (false: one was open already). */
    public Uni<Boolean> openIfNone(UUID id, String customerId, ExitTrigger trigger, String reason, UUID caseId,
            String requestedBy, String assignee, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN)
                .setParameter("id", id)
                .setParameter("customerId", customerId)
                .setParameter("trigger", trigger.name())
                .setParameter("reason", reason)
                .setParameter("caseId", caseId)
                .setParameter("requestedBy", requestedBy)
                .setParameter("assignee", assignee)
                .setParameter("now", now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<ExitInterview> openFor(String customerId) {
        return find("customerId = ?1 and state = ?2", customerId, ExitInterviewState.OPEN).firstResult();
    }

    /** Newest first; every state when {@code state} is null. */
    public Uni<List<ExitInterview>> page(ExitInterviewState state, int page, int size) {
        return (state == null ? find("order by createdAt desc, id")
                : find("state = ?1 order by createdAt desc, id", state))
                .page(Page.of(page, size)).list();
    }
}
