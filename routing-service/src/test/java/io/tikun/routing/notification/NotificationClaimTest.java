package io.tikun.routing.notification;

import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.routing.ManualJobsProfile;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.RoutingTestConfig;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;
import io.vertx.mutiny.core.Vertx;

/**
 * Two routing instances deliver from one notification table while a webhook receiver answers slowly: a batch outlives
 * the claim it was taken with, yet each alert reaches the receiver once, and an instance whose claim was taken over
 * cannot mark the row.
 */
@QuarkusTest
@TestProfile(ManualJobsProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NotificationClaimTest {

    private static final Duration CLAIM = Duration.ofSeconds(2);
    private static final Duration RECEIVER_DELAY = Duration.ofMillis(900);
    /** How long to wait for an announcement that must not come. */
    private static final Duration ANNOUNCE_QUIET = Duration.ofSeconds(1);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    @Inject
    NotificationRepository notifications;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    private UUID openCase() {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, randomReference(), "LOW"));
        }
        return UUID.fromString(awaitCase(complaintId).getString("id"));
    }

    private List<Notification> webhookRows(UUID caseId, String url, String marker, int count) throws Throwable {
        return rows(caseId, NotificationChannels.WEBHOOK, url, marker, count);
    }

    private List<Notification> rows(UUID caseId, String channel, String recipient, String marker, int count)
            throws Throwable {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Notification> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.caseId = caseId;
            n.kind = NotificationKind.ESCALATED;
            n.level = EscalationLevel.SERVICE_MANAGER;
            n.occurrence = i;
            n.channel = channel;
            n.recipient = recipient;
            n.language = "en";
            n.subject = marker + "-" + i;
            n.body = "{\"text\":\"" + marker + "-" + i + ";\"}";
            n.state = DeliveryState.PENDING;
            n.createdAt = now.plusMillis(i);
            n.availableAt = now;
            rows.add(n);
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifications.persist(rows)));
        return rows;
    }

    private NotificationDispatcher instance(String url) {
        RoutingConfig config = RoutingTestConfig.with(Map.of(
                "tikun.routing.notifications.webhook.url", url,
                "tikun.routing.notifications.webhook.secret", WebhookReceiver.SECRET,
                "tikun.routing.notifications.webhook.timeout", "PT1.5S",
                "tikun.routing.notifications.delivery.claim-for", CLAIM.toString(),
                "tikun.routing.notifications.delivery.batch-size", "50"));
        Clock clock = Clock.systemUTC();
        return new NotificationDispatcher(notifications, mailer, new WebhookSender(vertx, config, clock), config, clock,
                from);
    }

    private Notification reload(UUID id) {
        return on(() -> notifications.findById(id));
    }

    /** Runs a reactive call on a Vert.x context, as the application's own callers do, and waits for it. */
    private static <T> T on(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void deliversEachAlertOnceWhenASlowBatchOutlivesItsClaimAndAnotherInstanceLooksForWork() throws Throwable {
        String marker = "slow-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.stallNext(marker, 100, RECEIVER_DELAY);
            List<Notification> rows = webhookRows(openCase(), receiver.url(), marker, 4);
            NotificationDispatcher first = instance(receiver.url());
            NotificationDispatcher second = instance(receiver.url());

            // The first instance takes the whole batch; four slow answers take about twice its claim.
            CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> on(first::deliverDue));
            // Meanwhile the second instance keeps looking for due work, as its scheduler would.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                on(second::deliverDue);
                return batch.isDone() && rows.stream().allMatch(n -> reload(n.id).state == DeliveryState.SENT);
            });
            batch.join();

            for (Notification n : rows) {
                assertThat(receiver.containing(n.subject + ";")).as("deliveries of %s", n.subject).hasSize(1);
            }
        }
    }

    private Notification only(List<Notification> claimed, UUID id) {
        return claimed.stream().filter(n -> n.id.equals(id)).findFirst().orElse(null);
    }

    @Test
    void marksAndAnnouncesAPassOfStreamRowsTogetherOldestFirstButNotTheOneTakenOver() throws Throwable {
        String channel = "claim_test_" + UUID.randomUUID().toString().replace("-", "");
        List<Notification> rows = rows(openCase(), NotificationChannels.STREAM, NotificationChannels.STREAM_RECIPIENT,
                "stream-" + UUID.randomUUID(), 3);
        List<UUID> ids = rows.stream().map(n -> n.id).toList();
        Instant now = Instant.now();
        List<Notification> first = on(() -> notifications.claimAmong(ids, now, now.plus(CLAIM), "first"));
        assertThat(first).hasSize(3);
        Instant lapsed = now.plus(CLAIM).plusSeconds(1);
        assertThat(on(() -> notifications.claimAmong(List.of(ids.get(1)), lapsed, lapsed.plus(CLAIM), "second")))
                .hasSize(1);

        try (Connection listener = DriverManager.getConnection(jdbcUrl, databaseUser, databasePassword)) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + channel);
            }
            assertThat(on(() -> notifications.markStreamed(first, lapsed, channel))).isEqualTo(2);

            assertThat(announced(listener, 2)).containsExactly(ids.get(0).toString(), ids.get(2).toString());
            assertThat(reload(ids.get(0)).state).isEqualTo(DeliveryState.SENT);
            assertThat(reload(ids.get(2)).state).isEqualTo(DeliveryState.SENT);
            assertThat(reload(ids.get(1)).state).isEqualTo(DeliveryState.PENDING);
            assertThat(reload(ids.get(1)).claimedBy).isEqualTo("second");

            assertThat(on(() -> notifications.markStreamed(first, lapsed, channel))).as("marked once").isZero();
            assertThat(on(() -> notifications.markStreamed(List.of(), lapsed, channel))).isZero();
            assertThat(announced(listener, 0)).as("nothing announced twice").isEmpty();
        }
    }

    /**
     * The payloads announced to {@code listener}, waiting until {@code expected} have come, then for any more during a
     * short quiet period.
     */
    private static List<String> announced(Connection listener, int expected) throws SQLException {
        PGConnection pg = listener.unwrap(PGConnection.class);
        List<String> payloads = new ArrayList<>();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (payloads.size() < expected && Instant.now().isBefore(giveUp)) {
            for (PGNotification n : pg.getNotifications(200)) {
                payloads.add(n.getParameter());
            }
        }
        for (PGNotification n : pg.getNotifications((int) ANNOUNCE_QUIET.toMillis())) {
            payloads.add(n.getParameter());
        }
        return payloads;
    }

    @Test
    void refusesTheMarksOfAnInstanceWhoseClaimLapsedAndWasTakenOver() throws Throwable {
        UUID id = webhookRows(openCase(), "http://127.0.0.1:9/unused", "lapsed-" + UUID.randomUUID(), 1).get(0).id;
        Instant now = Instant.now();
        Notification first = only(VertxContextSupport.subscribeAndAwait(
                () -> notifications.claimAmong(List.of(id), now, now.plus(CLAIM), "first")), id);
        assertThat(first).isNotNull();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> notifications.claimAmong(List.of(id),
                now.plusSeconds(1), now.plusSeconds(1).plus(CLAIM), "second"))).as("held by the first").isEmpty();

        Instant lapsed = now.plus(CLAIM).plusSeconds(1);
        Notification second = only(VertxContextSupport.subscribeAndAwait(
                () -> notifications.claimAmong(List.of(id), lapsed, lapsed.plus(CLAIM), "second")), id);
        assertThat(second.claimToken).isNotEqualTo(first.claimToken);

        assertThat(VertxContextSupport.subscribeAndAwait(() -> notifications.renew(first, lapsed.plus(CLAIM))))
                .isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> notifications.markSent(first, lapsed))).isZero();
        assertThat(VertxContextSupport.subscribeAndAwait(
                () -> notifications.markFailed(first, "late", lapsed, true))).isZero();
        assertThat(reload(id).state).isEqualTo(DeliveryState.PENDING);
        assertThat(reload(id).claimedBy).isEqualTo("second");

        assertThat(VertxContextSupport.subscribeAndAwait(() -> notifications.markSent(second, lapsed))).isOne();
        assertThat(reload(id).state).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void claimsASevereCaseAlertAheadOfOlderDueNotifications() throws Throwable {
        UUID caseId = openCase();
        List<Notification> older = webhookRows(caseId, "http://127.0.0.1:9/unused", "older-" + UUID.randomUUID(), 5);
        Notification severe = older.get(0);
        Notification alert = new Notification();
        alert.id = UUID.randomUUID();
        alert.caseId = caseId;
        alert.kind = NotificationKind.SEVERE_CASE_OPENED;
        alert.level = EscalationLevel.SERVICE_MANAGER;
        alert.channel = NotificationChannels.WEBHOOK;
        alert.recipient = severe.recipient;
        alert.language = "en";
        alert.subject = "severe-" + alert.id;
        alert.body = "{}";
        alert.state = DeliveryState.PENDING;
        // Created after every other row: age alone would claim it last.
        alert.createdAt = older.get(older.size() - 1).createdAt.plusSeconds(1);
        alert.availableAt = severe.availableAt;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifications.persist(alert)));

        Instant now = Instant.now().plusSeconds(2);
        List<UUID> claimed = VertxContextSupport.subscribeAndAwait(
                () -> notifications.claimDue(now, now.plus(CLAIM), 100, "ordering")).stream().map(n -> n.id).toList();

        List<UUID> ours = claimed.stream()
                .filter(id -> id.equals(alert.id) || older.stream().anyMatch(n -> n.id.equals(id))).toList();
        assertThat(ours).hasSize(older.size() + 1).first().isEqualTo(alert.id);
    }
}
