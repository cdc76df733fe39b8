package io.tikun.followup.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Computes a {@link PromiseReport} from {@code commitment}, {@code commitment_change}, {@code csat_response} and
 * {@code case_csat_response}, so
 * every instance gives the same numbers and they survive restarts.
 */
@ApplicationScoped
public class PromiseReportQueries {

    static final int LOWEST_SCORE = 1;
    static final int HIGHEST_SCORE = 5;
    private static final int PERCENT = 100;
    private static final int DECIMALS = 2;
    private static final int MILLIS_PER_SECOND = 1000;

    /** Probe complaints (intake's mystery shopper) count in no report; {@code c} has the complaint_id. */
    private static final String NOT_PROBE = "and not exists (select 1 from {h-schema}customer_complaint p"
            + " where p.complaint_id = c.complaint_id and p.probe)";

    // The claim a verification confirmed is the commitment's last claim: VERIFIED is final.
    private static final String KEPT_ON_TIME = """
            select count(*),
                   count(*) filter (where c.status = 'VERIFIED' and (
                       select max(ch.occurred_at) from {h-schema}commitment_change ch
                       where ch.commitment_id = c.id and ch.to_status = 'CLAIMED_DONE') <= c.due_at)
            from {h-schema}commitment c
            where c.due_at >= :from and c.due_at < :to and c.status in ('VERIFIED', 'BROKEN', 'UNCONFIRMED')
              %s""".formatted(NOT_PROBE);

    private static final String VERIFIED_FIX = """
            select count(*), avg(extract(epoch from (ch.occurred_at - c.made_at)))::float8
            from {h-schema}commitment_change ch join {h-schema}commitment c on c.id = ch.commitment_id
            where ch.to_status = 'VERIFIED' and ch.occurred_at >= :from and ch.occurred_at < :to
              %s""".formatted(NOT_PROBE);

    private static final String BROKEN_BY_OWNER = """
            select c.owner, count(*)
            from {h-schema}commitment_change ch join {h-schema}commitment c on c.id = ch.commitment_id
            where ch.to_status = 'BROKEN' and ch.occurred_at >= :from and ch.occurred_at < :to
              %s
            group by c.owner order by c.owner""".formatted(NOT_PROBE);

    private static final String CSAT = """
            select score, count(*) from (
                select r.score, r.responded_at from {h-schema}csat_response r
                join {h-schema}commitment c on c.id = r.commitment_id
                where true %s
                union all
                select c.score, c.responded_at from {h-schema}case_csat_response c
                where true %s) r
            where responded_at >= :from and responded_at < :to
            group by score""".formatted(NOT_PROBE, NOT_PROBE);

    private final OwnerTeams teams;

    public PromiseReportQueries(OwnerTeams teams) {
        this.teams = teams;
    }

    @WithSession
    public Uni<PromiseReport> report(Instant from, Instant to) {
        return rows(KEPT_ON_TIME, from, to).chain(kept -> rows(VERIFIED_FIX, from, to)
                .chain(verified -> rows(BROKEN_BY_OWNER, from, to)
                        .chain(broken -> rows(CSAT, from, to)
                                .map(csat -> new PromiseReport(from, to, keptOnTime(kept.get(0)),
                                        verifiedFix(verified.get(0)), broken(broken), csat(csat))))));
    }

    private static Uni<List<Object[]>> rows(String sql, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    private static PromiseReport.KeptOnTime keptOnTime(Object[] row) {
        long settled = number(row[0]).longValue();
        long kept = number(row[1]).longValue();
        return new PromiseReport.KeptOnTime(settled, kept, settled == 0 ? null : round(PERCENT * (double) kept / settled));
    }

    private static PromiseReport.VerifiedFix verifiedFix(Object[] row) {
        long verified = number(row[0]).longValue();
        if (verified == 0 || row[1] == null) {
            return new PromiseReport.VerifiedFix(0, null, null);
        }
        double seconds = number(row[1]).doubleValue();
        return new PromiseReport.VerifiedFix(verified, Duration.ofMillis(Math.round(seconds * MILLIS_PER_SECOND)).toString(),
                round(seconds));
    }

    private PromiseReport.Broken broken(List<Object[]> rows) {
        List<PromiseReport.OwnerCount> byOwner = new ArrayList<>();
        Map<String, Long> byTeam = new TreeMap<>();
        long total = 0;
        for (Object[] row : rows) {
            String owner = (String) row[0];
            long count = number(row[1]).longValue();
            String team = teams.teamOf(owner);
            byOwner.add(new PromiseReport.OwnerCount(owner, team, count));
            byTeam.merge(team, count, Long::sum);
            total += count;
        }
        return new PromiseReport.Broken(total, byOwner,
                byTeam.entrySet().stream().map(e -> new PromiseReport.TeamCount(e.getKey(), e.getValue())).toList());
    }

    private static PromiseReport.Csat csat(List<Object[]> rows) {
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        for (int score = LOWEST_SCORE; score <= HIGHEST_SCORE; score++) {
            distribution.put(score, 0L);
        }
        long responses = 0;
        long sum = 0;
        for (Object[] row : rows) {
            int score = number(row[0]).intValue();
            long count = number(row[1]).longValue();
            distribution.put(score, count);
            responses += count;
            sum += score * count;
        }
        return new PromiseReport.Csat(responses, responses == 0 ? null : round((double) sum / responses),
                distribution);
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
}
