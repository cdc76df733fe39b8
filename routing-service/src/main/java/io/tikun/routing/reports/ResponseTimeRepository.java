package io.tikun.routing.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.escalation.Severity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Answers to customers read from the case and conversation tables. A first response is measured from the complaint's
 * receipt and credited to whoever gave it (the case's assignee for cases answered before that was recorded). A reply is an
 * agent's message on the case, measured from the earliest
 * customer message it answers: the first one after the previous agent message and after the first response (which
 * answered everything before it); an agent message with no customer message waiting is not a reply.
 */
@ApplicationScoped
public class ResponseTimeRepository {

    static final String UNASSIGNED = "(unassigned)";

    private static final String FIRST_RESPONSES = """
            select severity, channel, coalesce(first_responded_by, assignee, '%2$s'), received_at, first_responded_at
            from %1$s.support_case
            where first_responded_at >= $1 and first_responded_at < $2 and not probe""";

    private static final String REPLIES = """
            select c.severity, c.channel, coalesce(a.written_by, '%2$s'), asked.at, a.received_at
            from %1$s.case_message a
            join %1$s.support_case c on c.id = a.case_id
            cross join lateral (
                select min(q.received_at) as at
                from %1$s.case_message q
                where q.case_id = a.case_id and q.direction = 'INBOUND' and q.received_at <= a.received_at
                  and q.received_at > greatest(
                        (select max(p.received_at) from %1$s.case_message p
                         where p.case_id = a.case_id and p.kind in ('AGENT_REPLY', 'PHONE_RESPONSE')
                           and (p.received_at < a.received_at or (p.received_at = a.received_at and p.id < a.id))),
                        case when c.first_responded_at <= a.received_at then c.first_responded_at end,
                        '-infinity'::timestamptz)) asked
            where a.kind = 'AGENT_REPLY' and asked.at is not null and not c.probe and %3$s""";

    private static final String IN_PERIOD = "a.received_at >= $1 and a.received_at < $2";
    private static final String LATEST_OF_CASE = """
            a.id = (select l.id from %1$s.case_message l where l.case_id = $1 and l.kind = 'AGENT_REPLY'
                    order by l.received_at desc, l.id desc limit 1)""";

    private final Pool client;
    private final String schema;

    public ResponseTimeRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.schema = schema;
    }

    /** First responses given in {@code [from, to)}. */
    public Uni<List<ResponseMeasure>> firstResponses(Instant from, Instant to) {
        return measures(FIRST_RESPONSES.formatted(schema, UNASSIGNED), Tuple.of(utc(from), utc(to)));
    }

    /** Replies given in {@code [from, to)}. */
    public Uni<List<ResponseMeasure>> replies(Instant from, Instant to) {
        return measures(REPLIES.formatted(schema, UNASSIGNED, IN_PERIOD), Tuple.of(utc(from), utc(to)));
    }

    /** The case's latest agent message as a reply, if a customer message was waiting for it. */
    public Uni<Optional<ResponseMeasure>> latestReply(UUID caseId) {
        return measures(REPLIES.formatted(schema, UNASSIGNED, LATEST_OF_CASE.formatted(schema)), Tuple.of(caseId))
                .map(found -> found.stream().findFirst());
    }

    private Uni<List<ResponseMeasure>> measures(String sql, Tuple parameters) {
        return client.preparedQuery(sql).execute(parameters).map(rows -> {
            List<ResponseMeasure> measures = new ArrayList<>();
            rows.forEach(row -> measures.add(measure(row)));
            return measures;
        });
    }

    private static ResponseMeasure measure(Row row) {
        return new ResponseMeasure(Severity.valueOf(row.getString(0)), row.getString(1), row.getString(2),
                row.getOffsetDateTime(3).toInstant(), row.getOffsetDateTime(4).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
