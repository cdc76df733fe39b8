package io.tikun.followup.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.reporting.Csv;

/** Reads the churn watches of a window with their complaint's category and handling, for {@link ChurnRates}. */
@ApplicationScoped
public class ChurnReportQueries {

    private static final String WATCHES = """
            select w.outcome, c.category, c.first_response_within_sla,
                   (select case when bool_or(m.status = 'BROKEN') then 'BROKEN'
                                when bool_or(m.status = 'VERIFIED') then 'KEPT' end
                    from {h-schema}commitment m where m.complaint_id = c.complaint_id)
            from {h-schema}churn_watch w join {h-schema}customer_complaint c on c.complaint_id = w.complaint_id
            where w.opened_at >= :from and w.opened_at < :to and not c.probe""";

    @WithSession
    public Uni<ChurnRateReport> report(Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery(WATCHES, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList())
                .map(rows -> ChurnRates.report(from, to, rows.stream().map(ChurnReportQueries::watch).toList()));
    }

    private static ChurnRates.Watch watch(Object[] row) {
        return new ChurnRates.Watch(ChurnOutcome.valueOf((String) row[0]), (String) row[1], (String) row[3],
                (Boolean) row[2]);
    }

    static List<String> csv(ChurnRateReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("dimension,group,watched,left,stayed,unknown,churn_percent,decided_churn_percent");
        add(lines, "overall", List.of(report.overall()));
        add(lines, "category", report.byCategory());
        add(lines, "promise", report.byPromise());
        add(lines, "first_response", report.byFirstResponse());
        return lines;
    }

    private static void add(List<String> lines, String dimension, List<ChurnRateReport.Group> groups) {
        for (ChurnRateReport.Group g : groups) {
            lines.add(String.join(",", dimension, Csv.cell(g.group()), String.valueOf(g.watched()),
                    String.valueOf(g.left()), String.valueOf(g.stayed()), String.valueOf(g.unknown()),
                    Csv.number(g.churnPercent()), Csv.number(g.decidedChurnPercent())));
        }
    }
}
