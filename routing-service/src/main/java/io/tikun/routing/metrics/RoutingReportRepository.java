package io.tikun.routing.metrics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Aggregates over routing's tables for the report; plain SQL, because PostgreSQL computes the percentiles. */
@ApplicationScoped
public class RoutingReportRepository {

    /**
     * First-response times and breaches in one pass over the period's cases, read from
     * {@code support_case_opened_report_idx} alone (V39): per severity and channel, the answered cases' count, mean and
     * percentiles (one sort for both), and every case with the breached ones. {@code seconds} is null for unanswered
     * cases, which the aggregates over it skip.
     */
    private static final String CASES_OPENED = """
            select severity, channel, count(seconds), avg(seconds),
                   percentile_cont(array[0.5, 0.9]) within group (order by seconds),
                   count(*),
                   count(*) filter (where first_responded_at > first_response_due_at
                                       or (first_responded_at is null and first_response_due_at < $3))
            from (select severity, channel, first_responded_at, first_response_due_at,
                         extract(epoch from first_responded_at - received_at)::float8 as seconds
                  from %1$s.support_case
                  where opened_at >= $1 and opened_at < $2 and not probe) opened
            group by severity, channel
            order by severity, channel""";
    private static final String ESCALATIONS = """
            select to_level, reason_code, count(*)
            from %1$s.escalation_step
            where reason_code <> 'OPENED' and occurred_at >= $1 and occurred_at < $2
              and not exists (select 1 from %1$s.support_case p where p.id = case_id and p.probe)
            group by to_level, reason_code
            order by to_level, reason_code""";
    private static final String CALLBACK_OUTCOMES = """
            select outcome, count(*)
            from %1$s.callback_attempt
            where recorded_at >= $1 and recorded_at < $2
              and not exists (select 1 from %1$s.callback_task t join %1$s.support_case p on p.id = t.case_id
                              where t.id = task_id and p.probe)
            group by outcome
            order by outcome""";

    private final Pool client;
    private final String schema;

    public RoutingReportRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.schema = schema;
    }

    public Uni<RoutingReport> report(Instant from, Instant to, Instant now) {
        Tuple range = Tuple.of(utc(from), utc(to));
        return rows(CASES_OPENED, Tuple.of(utc(from), utc(to), utc(now)))
                .chain(opened -> rows(ESCALATIONS, range)
                        .chain(escalations -> rows(CALLBACK_OUTCOMES, range)
                                .map(outcomes -> new RoutingReport(from, to, firstResponses(opened), breaches(opened),
                                        escalations(escalations), counts(outcomes)))));
    }

    /** First-response times of the cases opened in {@code [from, to)}: the console's figures without the rest. */
    public Uni<List<RoutingReport.FirstResponse>> firstResponses(Instant from, Instant to, Instant now) {
        return rows(CASES_OPENED, Tuple.of(utc(from), utc(to), utc(now))).map(RoutingReportRepository::firstResponses);
    }

    private Uni<List<Row>> rows(String sql, Tuple parameters) {
        return client.preparedQuery(sql.formatted(schema)).execute(parameters).map(result -> {
            List<Row> rows = new ArrayList<>();
            result.forEach(rows::add);
            return rows;
        });
    }

    /** One entry per severity and channel with an answered case. */
    private static List<RoutingReport.FirstResponse> firstResponses(List<Row> opened) {
        return opened.stream().filter(row -> row.getLong(2) > 0).map(row -> {
            Double[] percentiles = row.getArrayOfDoubles(4);
            return new RoutingReport.FirstResponse(row.getString(0), row.getString(1), row.getLong(2), row.getDouble(3),
                    percentiles[0], percentiles[1]);
        }).toList();
    }

    /** One entry per severity, its channels summed. */
    private static List<RoutingReport.Breaches> breaches(List<Row> opened) {
        Map<String, long[]> bySeverity = new LinkedHashMap<>();
        for (Row row : opened) {
            long[] counts = bySeverity.computeIfAbsent(row.getString(0), severity -> new long[2]);
            counts[0] += row.getLong(5);
            counts[1] += row.getLong(6);
        }
        return bySeverity.entrySet().stream().map(e -> {
            long cases = e.getValue()[0];
            long breached = e.getValue()[1];
            return new RoutingReport.Breaches(e.getKey(), cases, breached, cases == 0 ? 0 : (double) breached / cases);
        }).toList();
    }

    private static List<RoutingReport.Escalations> escalations(List<Row> rows) {
        Map<String, Map<String, Long>> byLevel = new LinkedHashMap<>();
        for (Row row : rows) {
            byLevel.computeIfAbsent(row.getString(0), level -> new LinkedHashMap<>()).put(row.getString(1), row.getLong(2));
        }
        return byLevel.entrySet().stream()
                .map(e -> new RoutingReport.Escalations(e.getKey(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue()))
                .toList();
    }

    private static Map<String, Long> counts(List<Row> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
