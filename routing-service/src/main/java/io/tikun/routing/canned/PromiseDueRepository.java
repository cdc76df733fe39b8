package io.tikun.routing.canned;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The earliest promise on a case that is still ahead. Routing keeps no table of promises (followup owns them);
 * it reads the {@code commitments.made} events it published, which the outbox keeps for
 * {@code tikun.routing.retention.outbox} after publication.
 */
@ApplicationScoped
public class PromiseDueRepository {

    private static final String EARLIEST_DUE = """
            select min(due_at) from (
                select (payload::jsonb ->> 'dueAt')::timestamptz as due_at
                from %1$s.outbox_message
                where topic = 'commitments.made' and payload::jsonb ->> 'caseId' = $1) promise
            where due_at >= $2""";

    private final Pool client;
    private final String schema;

    public PromiseDueRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.schema = schema;
    }

    public Uni<Optional<Instant>> earliestDue(UUID caseId, Instant notBefore) {
        return client.preparedQuery(EARLIEST_DUE.formatted(schema))
                .execute(Tuple.of(caseId.toString(), notBefore.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    OffsetDateTime due = rows.iterator().next().getOffsetDateTime(0);
                    return Optional.ofNullable(due).map(OffsetDateTime::toInstant);
                });
    }
}
