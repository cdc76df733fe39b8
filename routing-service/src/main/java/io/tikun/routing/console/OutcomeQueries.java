package io.tikun.routing.console;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.customer.ChurnOutcome;
import io.tikun.routing.customer.ExitOutcome;
import io.tikun.routing.customer.FeedbackKind;
import io.tikun.routing.followup.CommitmentStatus;

/**
 * The reads behind the reports page's outcome charts, over routing's own read models (promises, customer feedback,
 * resolutions), so the page draws them while follow-up is down. Probe cases count in none of them.
 */
@ApplicationScoped
@WithSession
public class OutcomeQueries {

    private static final String NOT_A_PROBE = """
            not exists (select 1 from SupportCase c where c.id = %s and c.probe = true)""";
    private static final String PROMISES = """
            select p.state, p.dueAt from CasePromise p
            where p.dueAt >= :from and p.dueAt < :to and""" + " " + NOT_A_PROBE.formatted("p.caseId");
    private static final String FEEDBACK = """
            select f.kind, f.score, f.churnOutcome, f.exitOutcome, f.exitReason, f.occurredAt from CustomerFeedback f
            where f.occurredAt >= :from and f.occurredAt < :to and""" + " " + NOT_A_PROBE.formatted("f.caseId");
    private static final String ROOT_CAUSES = """
            select r.rootCause, r.resolvedAt from CaseResolution r
            where r.resolvedAt >= :from and r.resolvedAt < :to and""" + " " + NOT_A_PROBE.formatted("r.caseId");

    /** Promises due in {@code [from, to)} and where they stand now. */
    public Uni<List<OutcomeCharts.PromiseDue>> promisesDue(Instant from, Instant to) {
        return rows(PROMISES, from, to).map(rows -> rows.stream()
                .map(r -> new OutcomeCharts.PromiseDue((CommitmentStatus) r[0], (Instant) r[1])).toList());
    }

    /** What follow-up reported about customers in {@code [from, to)}. */
    public Uni<List<OutcomeCharts.Feedback>> feedback(Instant from, Instant to) {
        return rows(FEEDBACK, from, to).map(rows -> rows.stream()
                .map(r -> new OutcomeCharts.Feedback((FeedbackKind) r[0], (Integer) r[1], (ChurnOutcome) r[2],
                        (ExitOutcome) r[3], (String) r[4], (Instant) r[5]))
                .toList());
    }

    /** The root cause of every resolution in {@code [from, to)}. */
    public Uni<List<OutcomeCharts.RootCause>> rootCauses(Instant from, Instant to) {
        return rows(ROOT_CAUSES, from, to).map(rows -> rows.stream()
                .map(r -> new OutcomeCharts.RootCause((String) r[0], (Instant) r[1])).toList());
    }

    private static Uni<List<Object[]>> rows(String query, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createQuery(query, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }
}
