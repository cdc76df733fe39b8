package io.tikun.followup.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.complaint.CaseLevel;
import io.tikun.followup.reporting.Csv;

/** Reads the window's handled complaints and retained customers, and has {@link ReturnCalculator} cost them. */
@ApplicationScoped
@io.quarkus.runtime.Startup // a cost model naming a tier without a value stops the service at start, not a report later
public class ReturnReportQueries {

    private static final String HANDLED = """
            select highest_level, callbacks from {h-schema}customer_complaint
            where received_at >= :from and received_at < :to and not probe""";

    private static final String STAYED = """
            select distinct customer_id from {h-schema}churn_watch
            where outcome = 'STAYED' and opened_at >= :from and opened_at < :to
              and not exists (select 1 from {h-schema}customer_complaint p
                              where p.complaint_id = churn_watch.complaint_id and p.probe)""";

    private final ReturnCalculator calculator;

    public ReturnReportQueries(ReturnConfig model) {
        this.calculator = new ReturnCalculator(model);
    }

    @WithSession
    public Uni<ReturnReport> report(Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery(HANDLED, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .chain(handled -> session.createNativeQuery(STAYED, String.class)
                        .setParameter("from", from).setParameter("to", to).getResultList()
                        .map(stayed -> calculator.report(from, to, handled.stream()
                                .map(row -> new ReturnCalculator.Handled(
                                        row[0] == null ? null : CaseLevel.valueOf((String) row[0]),
                                        ((Number) row[1]).intValue()))
                                .toList(), stayed))));
    }

    /** kind,name,value,note: the figures first, then every assumption. */
    static List<String> csv(ReturnReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("kind,name,value,note");
        String currency = Csv.cell(r.currency());
        lines.add("period,from," + r.from() + ",");
        lines.add("period,to," + r.to() + ",");
        for (ReturnReport.LevelCost level : r.handling().byLevel()) {
            lines.add("handling,level." + level.level() + "," + Csv.number(level.cost()) + "," + level.complaints()
                    + " complaints x " + Csv.number(level.unitCost()) + " " + currency);
        }
        lines.add("handling,callbacks," + Csv.number(r.handling().callbackCost()) + "," + r.handling().callbacks()
                + " callbacks");
        lines.add("handling,total," + Csv.number(r.handling().total()) + "," + r.handling().complaints()
                + " complaints; " + currency);
        for (ReturnReport.CustomerValue v : r.retained().byCustomer()) {
            lines.add("retained,customer." + Csv.cell(v.customerId()) + "," + Csv.number(v.yearlyValue()) + ","
                    + Csv.cell(v.basis() + " " + v.tier()));
        }
        lines.add("retained,yearly-value," + Csv.number(r.retained().yearlyValue()) + "," + r.retained().customers()
                + " customers; " + currency);
        lines.add("retained,acquisition-cost-saved," + Csv.number(r.retained().acquisitionCostSaved()) + ","
                + currency);
        lines.add("result,benefit," + Csv.number(r.benefit()) + "," + currency);
        lines.add("result,ratio," + Csv.number(r.ratio()) + ",benefit / handling cost");
        lines.add("result,roi-percent," + Csv.number(r.roiPercent()) + ",(benefit - handling cost) / handling cost x 100");
        for (ReturnReport.Assumption a : r.assumptions()) {
            lines.add("assumption," + Csv.cell(a.name()) + "," + Csv.cell(a.value()) + "," + Csv.cell(a.meaning()));
        }
        return lines;
    }
}
