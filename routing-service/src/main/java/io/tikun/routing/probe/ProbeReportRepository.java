package io.tikun.routing.probe;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Probe cases read for the probe report: the only query that counts them. */
@ApplicationScoped
public class ProbeReportRepository {

    private static final String PROBES = """
            select channel, coalesce(probe_sent_at, received_at), received_at, first_responded_at
            from %s.support_case
            where probe and received_at >= $1 and received_at < $2""";

    private final Pool client;
    private final String schema;

    public ProbeReportRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.schema = schema;
    }

    /** Probes intake received in {@code [from, to)}. */
    public Uni<List<ProbeCase>> probes(Instant from, Instant to) {
        return client.preparedQuery(PROBES.formatted(schema)).execute(Tuple.of(utc(from), utc(to))).map(rows -> {
            List<ProbeCase> found = new ArrayList<>();
            for (Row row : rows) {
                found.add(new ProbeCase(row.getString(0), instant(row, 1), instant(row, 2), instant(row, 3)));
            }
            return found;
        });
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
