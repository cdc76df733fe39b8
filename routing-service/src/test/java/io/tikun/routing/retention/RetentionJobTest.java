package io.tikun.routing.retention;

import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.routing.ManualJobsProfile;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.RoutingTestConfig;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** Old rows go, in batches, on the job's clock; what is young, unsent or replayable on the live stream stays. */
@QuarkusTest
@TestProfile(ManualJobsProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RetentionJobTest {

    private static final int BATCH = 2;
    private static final int REPLAYABLE = 2;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @Inject
    RetentionRepository repository;

    /** The shipped ages (30, 7 and 90 days), in batches of two. */
    private static final RetentionConfig AGES = new SmallRyeConfigBuilder().withMapping(RetentionConfig.class)
            .withDefaultValues(Map.of("tikun.routing.retention.batch-size", Integer.toString(BATCH)))
            .build().getConfigMapping(RetentionConfig.class);

    /** All the test's rows lie in the future of the real clock, so they are the newest in the database. */
    private final Instant base = Instant.now().plus(Duration.ofDays(300)).truncatedTo(ChronoUnit.MICROS);
    private final Clock jobClock = Clock.fixed(base.plus(Duration.ofDays(100)), ZoneOffset.UTC);

    private RetentionJob job() {
        RoutingConfig routing = RoutingTestConfig.with(Map.of("tikun.routing.notifications.stream-replay-limit",
                Integer.toString(REPLAYABLE)));
        return new RetentionJob(repository, AGES, routing, jobClock);
    }

    private UUID openCase() {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, randomReference(), "LOW"));
        }
        return UUID.fromString(awaitCase(complaintId).getString("id"));
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, databaseUser, databasePassword);
    }

    private static void execute(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i] instanceof Instant at ? Timestamp.from(at) : values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static boolean exists(Connection db, String table, String column, Object id) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select 1 from routing." + table + " where " + column + " = ?")) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String event(Connection db, Instant processedAt) throws SQLException {
        String id = "evt-" + UUID.randomUUID();
        execute(db, "insert into routing.processed_event (event_id, processed_at) values (?, ?)", id, processedAt);
        return id;
    }

    private static UUID outbox(Connection db, Instant createdAt, Instant publishedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, """
                insert into routing.outbox_message (id, topic, message_key, type, payload, created_at, available_at,
                    attempts, published_at) values (?, 'cases.updated', 'cust-1', 'tikun.case.updated', '{}', ?, ?, 1, ?)""",
                id, createdAt, createdAt, publishedAt);
        return id;
    }

    private static UUID notification(Connection db, UUID caseId, String channel, String state, Instant createdAt,
            Instant sentAt) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, """
                insert into routing.notification (id, case_id, kind, level, channel, recipient, occurrence, subject, body,
                    state, attempts, created_at, available_at, sent_at)
                values (?, ?, 'ESCALATED', 'TEAM_LEAD', ?, ?, 1, 's', '{}', ?, 1, ?, ?, ?)""",
                id, caseId, channel, "r-" + id, state, createdAt, createdAt, sentAt);
        return id;
    }

    @Test
    void deletesOnlyRowsOlderThanTheirAgeAndKeepsTheStreamRowsAReconnectingConsoleReplays() throws Throwable {
        UUID caseId = openCase();
        Instant old = base;
        try (Connection db = db()) {
            List<String> oldEvents = List.of(event(db, old), event(db, old), event(db, old), event(db, old), event(db, old));
            String youngEvent = event(db, base.plus(Duration.ofDays(95)));
            UUID oldPublished = outbox(db, old, old);
            UUID youngPublished = outbox(db, base.plus(Duration.ofDays(98)), base.plus(Duration.ofDays(98)));
            UUID oldUnpublished = outbox(db, old, null);
            UUID oldMail = notification(db, caseId, "email", "SENT", old, old);
            UUID youngMail = notification(db, caseId, "email", "SENT", base.plusSeconds(20 * 86_400L),
                    base.plusSeconds(20 * 86_400L));
            UUID oldPending = notification(db, caseId, "email", "PENDING", old, null);
            UUID oldFailed = notification(db, caseId, "webhook", "FAILED", old, null);
            UUID oldestStreamed = notification(db, caseId, "stream", "SENT", old, old);
            UUID olderStreamed = notification(db, caseId, "stream", "SENT", old, old.plusSeconds(60));
            UUID lastStreamed = notification(db, caseId, "stream", "SENT", old, old.plusSeconds(120));

            RetentionJob.Purged purged = VertxContextSupport.subscribeAndAwait(job()::purge);

            assertThat(purged.processedEvents()).as("more than one batch").isGreaterThanOrEqualTo(oldEvents.size());
            for (String id : oldEvents) {
                assertThat(exists(db, "processed_event", "event_id", id)).as(id).isFalse();
            }
            assertThat(exists(db, "processed_event", "event_id", youngEvent)).isTrue();
            assertThat(exists(db, "outbox_message", "id", oldPublished)).isFalse();
            assertThat(exists(db, "outbox_message", "id", youngPublished)).isTrue();
            assertThat(exists(db, "outbox_message", "id", oldUnpublished)).as("never published").isTrue();
            assertThat(exists(db, "notification", "id", oldMail)).isFalse();
            assertThat(exists(db, "notification", "id", youngMail)).isTrue();
            assertThat(exists(db, "notification", "id", oldPending)).as("not delivered yet").isTrue();
            assertThat(exists(db, "notification", "id", oldFailed)).as("kept for investigation").isTrue();
            assertThat(exists(db, "notification", "id", oldestStreamed)).isFalse();
            assertThat(exists(db, "notification", "id", olderStreamed)).as("replayable").isTrue();
            assertThat(exists(db, "notification", "id", lastStreamed)).as("replayable").isTrue();
        }
    }

    @Test
    void twoInstancesPurgingAtOnceDeleteEachRowOnceAndAgainFindNothing() throws Throwable {
        try (Connection db = db()) {
            List<String> events = List.of(event(db, base), event(db, base), event(db, base), event(db, base),
                    event(db, base), event(db, base), event(db, base));
            RetentionJob first = job();
            RetentionJob second = job();

            CompletableFuture<RetentionJob.Purged> one = CompletableFuture.supplyAsync(() -> purge(first));
            CompletableFuture<RetentionJob.Purged> other = CompletableFuture.supplyAsync(() -> purge(second));
            int deleted = one.join().processedEvents() + other.join().processedEvents();

            assertThat(deleted).isGreaterThanOrEqualTo(events.size());
            for (String id : events) {
                assertThat(exists(db, "processed_event", "event_id", id)).as(id).isFalse();
            }
            assertThat(purge(first)).isEqualTo(new RetentionJob.Purged(0, 0, 0));
        }
    }

    private static RetentionJob.Purged purge(RetentionJob job) {
        try {
            return VertxContextSupport.subscribeAndAwait(job::purge);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
