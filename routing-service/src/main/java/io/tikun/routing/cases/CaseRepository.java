package io.tikun.routing.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/** Cases in PostgreSQL. */
@ApplicationScoped
@WithSession
public class CaseRepository implements PanacheRepositoryBase<SupportCase, UUID> {

    private static final String ESCALATION_DUE = """
            select * from {h-schema}support_case
            where (escalation_due_at <= :now or reply_due_at <= :now or resolution_escalation_due_at <= :now)
              and waiting_since is null
            order by least(escalation_due_at, reply_due_at, resolution_escalation_due_at)
            limit :limit
            for update skip locked""";

    public Uni<SupportCase> findByComplaintId(String complaintId) {
        return find("complaintId", complaintId).firstResult();
    }

    /** How many cases the customer opened since {@code since}. */
    public Uni<Long> countOfCustomerSince(String customerId, Instant since) {
        return count("customerId = ?1 and openedAt >= ?2", customerId, since);
    }

    /** The customer's cases, newest first. */
    public Uni<List<SupportCase>> ofCustomer(String customerId) {
        return list("customerId = ?1 order by openedAt desc", customerId);
    }

    /**
     * Locks up to {@code limit} cases whose escalation, unanswered-reply or resolution timer is due (not waiting on the
     * customer), earliest first. Rows another transaction holds are skipped, so concurrent checks (several
     * instances) never take the same case; the caller must move or clear each timer before its transaction
     * commits.
     */
    public Uni<List<SupportCase>> lockDueForEscalation(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(ESCALATION_DUE, SupportCase.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    /**
     * How many cases the query matches, counted up to {@code countUpTo + 1} only: more than {@code countUpTo} means
     * "more". The count has no order, so PostgreSQL reads the matches by whichever index serves the filters best and
     * stops at the cap. It is SQL because HQL refuses a limit in a subquery without an order, and an order made a
     * selective filter walk the order's index instead (3.2 s at a million cases, RESULTS.md 2026-12-06 23:40Z).
     */
    public Uni<Long> countUpTo(CaseQuery query, int countUpTo, Instant now) {
        Map<String, Object> parameters = query.newParameters();
        String where = query.where(now, parameters, CaseQuery.Naming.SQL);
        String count = "select count(*) from (select 1 from {h-schema}support_case where " + where + " limit "
                + (countUpTo + 1) + ") counted";
        return getSession().chain(session -> {
            var counting = session.createNativeQuery(count, Long.class);
            parameters.forEach(counting::setParameter);
            return counting.getSingleResult();
        });
    }

    /** One page of the queue the query describes, in its order. */
    public Uni<List<SupportCase>> page(CaseQuery query, int page, int size, Instant now) {
        Map<String, Object> parameters = query.newParameters();
        String where = query.where(now, parameters);
        return find(where + " order by " + query.order().orderBy(), parameters).page(Page.of(page, size)).list();
    }

    /**
     * One page of the queue the query describes, and how many cases match counted up to {@code countUpTo} only
     * ({@link #countUpTo}). A page past the counted ones is not read: the last counted page is shown instead.
     */
    public Uni<CappedPage> searchUpTo(CaseQuery query, int page, int size, int countUpTo, Instant now) {
        return countUpTo(query, countUpTo, now).chain(counted -> {
            long total = Math.min(counted, countUpTo);
            int last = (int) Math.max(0, (total - 1) / size);
            int shown = Math.min(Math.max(page, 0), last);
            return page(query, shown, size, now).map(cases -> new CappedPage(cases, shown, total, counted > countUpTo));
        });
    }

    /** A page of cases ({@code page} the one shown), the matches counted up to a cap, and whether there are more. */
    public record CappedPage(List<SupportCase> cases, int page, long total, boolean more) {
    }

    /** When any case last changed (null while there is none): live pages refresh when it moves. */
    public Uni<Instant> lastChange() {
        return getSession().chain(session -> session
                .createSelectionQuery("select max(c.updatedAt) from SupportCase c", Instant.class).getSingleResultOrNull());
    }

    /** The cases of these complaints (those that have one). */
    public Uni<List<SupportCase>> ofComplaints(Collection<String> complaintIds) {
        return complaintIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("complaintId in ?1", complaintIds);
    }

    /** How many cases each of these customers opened since {@code since}; customers without any are absent. */
    public Uni<Map<String, Long>> countsOfCustomersSince(Collection<String> customerIds, Instant since) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                "select c.customerId, count(c) from SupportCase c where c.customerId in :customers and c.openedAt >= :since"
                        + " group by c.customerId",
                Object[].class).setParameter("customers", customerIds).setParameter("since", since).getResultList())
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
                    return counts;
                });
    }
}
