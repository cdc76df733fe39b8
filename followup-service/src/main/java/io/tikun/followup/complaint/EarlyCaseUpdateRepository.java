package io.tikun.followup.complaint;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Case changes that arrived before their complaint; joins the caller's transaction. */
@ApplicationScoped
@WithSession
public class EarlyCaseUpdateRepository implements PanacheRepositoryBase<EarlyCaseUpdate, String> {

    // Only a later change replaces an earlier one: the consumer may see a case's changes out of order too.
    private static final String KEEP_LATEST = """
            insert into {h-schema}early_case_update as e
                (complaint_id, case_id, customer_id, case_status, resolved, assignee, occurred_at, received_at)
            values (:complaintId, :caseId, :customerId, :status, :resolved, :assignee, :occurredAt, :now)
            on conflict (complaint_id) do update set
                case_id = excluded.case_id, case_status = excluded.case_status, resolved = excluded.resolved,
                assignee = excluded.assignee, occurred_at = excluded.occurred_at, received_at = excluded.received_at
            where e.occurred_at <= excluded.occurred_at""";

    public Uni<Integer> keepLatest(CaseUpdated update, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(KEEP_LATEST)
                .setParameter("complaintId", update.complaintId())
                .setParameter("caseId", update.caseId())
                .setParameter("customerId", update.customerId())
                .setParameter("status", update.status().name())
                .setParameter("resolved", update.resolved())
                .setParameter("assignee", update.assignee())
                .setParameter("occurredAt", update.occurredAt())
                .setParameter("now", now)
                .executeUpdate());
    }
}
