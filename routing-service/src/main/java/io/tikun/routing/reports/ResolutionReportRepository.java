package io.tikun.routing.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Resolutions read for the accuracy and trend reports from {@code case_resolution}; both scan a period of
 * {@code resolved_at} on {@code case_resolution_resolved_at_idx} (V24), which carries every column they read.
 */
@ApplicationScoped
public class ResolutionReportRepository {

    /** Each case's latest resolution in the period: a reopened case counts once, with its final decision. */
    private static final String DECISIONS = """
            select distinct on (case_id) classified_category, category
            from %s.case_resolution r
            where resolved_at >= $1 and resolved_at < $2
              and not exists (select 1 from %<s.support_case p where p.id = r.case_id and p.probe)
            order by case_id, resolution_no desc""";

    /**
     * Resolutions per ISO week (UTC) and value from {@code $1} on, before {@code $2} when given: a case reopened and
     * resolved again counts again.
     */
    private static final String WEEKLY = """
            select (date_trunc('week', resolved_at at time zone 'UTC'))::date, %2$s, count(*)
            from %1$s.case_resolution r
            where resolved_at >= $1 and ($2::timestamptz is null or resolved_at < $2)
              and not exists (select 1 from %1$s.support_case p where p.id = r.case_id and p.probe)
            group by 1, 2""";

    private final Pool client;
    private final String schema;
    private final ClosedWeeks closed = new ClosedWeeks();

    public ResolutionReportRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.schema = schema;
    }

    public Uni<List<ClassificationAccuracy.Decision>> decisions(Instant from, Instant to) {
        return client.preparedQuery(DECISIONS.formatted(schema)).execute(Tuple.of(utc(from), utc(to))).map(rows -> {
            List<ClassificationAccuracy.Decision> found = new ArrayList<>();
            rows.forEach(row -> found.add(new ClassificationAccuracy.Decision(row.getString(0), row.getString(1))));
            return found;
        });
    }

    /**
     * Resolutions per week from {@code fromMonday} on: the closed weeks' counts as first read (see {@link ClosedWeeks}),
     * the open weeks' read now.
     */
    public Uni<List<Trends.Count>> weekly(TrendBy by, LocalDate fromMonday, Instant now) {
        LocalDate openFrom = ClosedWeeks.openFrom(now);
        LocalDate closedUntil = openFrom.isAfter(fromMonday) ? openFrom : fromMonday;
        LocalDate missing = closed.firstMissing(by, fromMonday, closedUntil);
        Uni<Void> closedRead = missing == null ? Uni.createFrom().voidItem()
                : counts(by, missing, closedUntil).invoke(counted -> closed.keep(by, missing, closedUntil, counted))
                        .replaceWithVoid();
        return closedRead.chain(() -> counts(by, closedUntil, null)).map(open -> {
            List<Trends.Count> all = new ArrayList<>(closed.kept(by, fromMonday, closedUntil));
            all.addAll(open);
            return all;
        });
    }

    /** Counts of the weeks from {@code fromMonday} on, before {@code untilMonday} when given. */
    private Uni<List<Trends.Count>> counts(TrendBy by, LocalDate fromMonday, LocalDate untilMonday) {
        Tuple range = Tuple.of(midnight(fromMonday), untilMonday == null ? null : midnight(untilMonday));
        return client.preparedQuery(WEEKLY.formatted(schema, by.column())).execute(range).map(rows -> {
            List<Trends.Count> found = new ArrayList<>();
            rows.forEach(row -> found.add(new Trends.Count(row.getLocalDate(0), row.getString(1), row.getLong(2))));
            return found;
        });
    }

    private static OffsetDateTime midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
