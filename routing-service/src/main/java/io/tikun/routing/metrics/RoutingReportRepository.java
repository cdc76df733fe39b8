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

/**
 * Aggregates over routing's tables for the report; plain SQL, because PostgreSQL computes the percentiles. The cases
 * opened in a period and the period's climbs are read from indexes alone (V39).
 */
@ApplicationScoped
public class RoutingReportRepository {

    private static final String FIRST_RESPONSE = """
            select severity, channel, count(*), avg(seconds),
                   percentile_cont(0.5) within group (order by seconds),
                   percentile_cont(0.9) within group (order by seconds)
            from (select severity, channel, extract(epoch from first_responded_at - received_at)::float8 as seconds
                  from %1$s.support_case
                  where first_responded_at is not null and opened_at >= $1 and opened_at < $2 and not probe) answered
            group by severity, channel
            order by severity, channel""";
    private static final String BREACHES = """
            select severity, count(*),
                   count(*) filter (where first_responded_at > first_response_due_at
                                       or (first_responded_at is null and first_response_due_at < $3))
            from %1$s.support_case
            where opened_at >= $1 and opened_at < $2 and not probe
            group by severity
            order by severity""";
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
        return rows(FIRST_RESPONSE, range).chain(firstResponse -> rows(BREACHES, Tuple.of(utc(from), utc(to), utc(now)))
                .chain(breaches -> rows(ESCALATIONS, range)
                        .chain(escalations -> rows(CALLBACK_OUTCOMES, range)
                                .map(outcomes -> new RoutingReport(from, to,
                                        firstResponse.stream().map(RoutingReportRepository::firstResponse).toList(),
                                        breaches.stream().map(RoutingReportRepository::breaches).toList(),
                                        escalations(escalations), counts(outcomes))))));
    }

    /** First-response times of the cases opened in {@code [from, to)}: the console's figures without the rest. */
    public Uni<List<RoutingReport.FirstResponse>> firstResponses(Instant from, Instant to) {
        return rows(FIRST_RESPONSE, Tuple.of(utc(from), utc(to)))
                .map(rows -> rows.stream().map(RoutingReportRepository::firstResponse).toList());
    }

    private Uni<List<Row>> rows(String sql, Tuple parameters) {
        return client.preparedQuery(sql.formatted(schema)).execute(parameters).map(result -> {
            List<Row> rows = new ArrayList<>();
            result.forEach(rows::add);
            return rows;
        });
    }

    private static RoutingReport.FirstResponse firstResponse(Row row) {
        return new RoutingReport.FirstResponse(row.getString(0), row.getString(1), row.getLong(2), row.getDouble(3),
                row.getDouble(4), row.getDouble(5));
    }

    private static RoutingReport.Breaches breaches(Row row) {
        long cases = row.getLong(1);
        long breached = row.getLong(2);
        return new RoutingReport.Breaches(row.getString(0), cases, breached, cases == 0 ? 0 : (double) breached / cases);
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
