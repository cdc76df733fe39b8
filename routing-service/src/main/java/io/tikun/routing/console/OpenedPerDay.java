package io.tikun.routing.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Cases opened per day of the reports page's period (in the user's zone) and category, counted by PostgreSQL from
 * {@code support_case_opened_report_idx} alone (V39) rather than read case by case: eight weeks at a million cases are
 * 150,000 rows.
 */
@ApplicationScoped
public class OpenedPerDay {

    private static final String COUNTS = """
            select category, (opened_at at time zone $3)::date, count(*)
            from %s.support_case
            where opened_at >= $1 and opened_at < $2 and not probe
            group by 1, 2""";

    /** {@code count} cases of {@code category} (null: none) opened on {@code day}. */
    public record Count(String category, LocalDate day, long count) {
    }

    private final Pool client;
    private final String schema;

    public OpenedPerDay(Pool client, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.schema = schema;
    }

    public Uni<List<Count>> of(ReportPeriod period) {
        Tuple parameters = Tuple.of(period.start().atOffset(ZoneOffset.UTC),
                period.end().atOffset(ZoneOffset.UTC), period.zone().getId());
        return client.preparedQuery(COUNTS.formatted(schema)).execute(parameters).map(rows -> {
            List<Count> counts = new ArrayList<>();
            rows.forEach(row -> counts.add(new Count(row.getString(0), row.getLocalDate(1), row.getLong(2))));
            return counts;
        });
    }
}
