package io.tikun.followup.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.followup.complaint.ComplaintChannel;
import io.tikun.followup.complaint.ComplaintFeedService;
import io.tikun.followup.complaint.ComplaintReceived;
import io.tikun.followup.complaint.Severity;
import io.tikun.followup.feedback.CustomerFeedback;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The quiet-period rule with the service's clock moved: a churn watch becomes STAYED only once the quiet period (90 days,
 * the default) has passed since its complaint and the customer was seen again after it; silence alone decides nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChurnWatchQuietPeriodTest {

    @Inject
    ComplaintFeedService feed;

    @Inject
    ChurnWatchService service;

    @Inject
    ChurnWatchRepository watches;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void complaint(String complaintId, String customerId, boolean churn, Instant at) throws Throwable {
        ComplaintReceived received = new ComplaintReceived(complaintId, "TK-Q", ComplaintChannel.EMAIL,
                new ComplaintReceived.Customer(customerId, "Quiet Customer"), "subject", Severity.MEDIUM,
                churn ? List.of(new ComplaintReceived.Reason(ComplaintReceived.CHURN_INTENT, Severity.HIGH, "cancel"))
                        : List.of(),
                at, "en", new ComplaintReceived.Classification("billing"));
        VertxContextSupport.subscribeAndAwait(() -> feed.complaintReceived(UUID.randomUUID().toString(), received));
    }

    private ChurnWatch watch(String complaintId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> watches.forComplaint(complaintId)));
    }

    @Test
    void aWatchStaysUnknownUntilTheQuietPeriodPassesAndOnlyIfTheCustomerWasSeenAgain() throws Throwable {
        String seen = "q-seen-" + UUID.randomUUID();
        String silent = "q-silent-" + UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        complaint(seen + "-1", seen, true, now.minus(Duration.ofDays(2)));
        complaint(seen + "-2", seen, false, now.minus(Duration.ofDays(1)));
        complaint(silent + "-1", silent, true, now.minus(Duration.ofDays(2)));

        VertxContextSupport.subscribeAndAwait(() -> service.settleQuietWatches());
        assertThat(watch(seen + "-1").outcome).as("quiet period not over").isEqualTo(ChurnOutcome.UNKNOWN);

        // The complaint is 2 days old: 87 days on it is 89 days old, one short of the quiet period.
        clock.advance(Duration.ofDays(87));
        VertxContextSupport.subscribeAndAwait(() -> service.settleQuietWatches());
        assertThat(watch(seen + "-1").outcome).as("one day short of 90").isEqualTo(ChurnOutcome.UNKNOWN);

        clock.advance(Duration.ofDays(2));
        VertxContextSupport.subscribeAndAwait(() -> service.settleQuietWatches());
        ChurnWatch stayed = watch(seen + "-1");
        assertThat(stayed.outcome).isEqualTo(ChurnOutcome.STAYED);
        assertThat(stayed.decidedBecause).isEqualTo(ChurnDecision.QUIET_PERIOD);
        assertThat(stayed.decidedBy).isEqualTo(ChurnWatchService.SYSTEM_ACTOR);
        assertThat(watch(silent + "-1").outcome).as("never seen again").isEqualTo(ChurnOutcome.UNKNOWN);
        assertThat(watch(seen + "-2")).as("no churn intent, no watch").isNull();
        assertThat(feedbackOf(seen)).as("the customer panel and churn chart hear of the stay")
                .anySatisfy(payload -> assertThat(payload).contains("\"kind\":\"CHURN_OUTCOME\"")
                        .contains("\"churnOutcome\":\"STAYED\""));
        assertThat(feedbackOf(silent)).as("only the watch's opening was announced")
                .noneMatch(payload -> payload.contains("CHURN_OUTCOME"));

        int announced = feedbackOf(seen).size();
        VertxContextSupport.subscribeAndAwait(() -> service.settleQuietWatches());
        assertThat(feedbackOf(seen)).as("a decided watch is not announced twice").hasSize(announced);
    }

    /** The payloads of the customers.feedback events written for {@code customerId}, oldest first. */
    private static List<String> feedbackOf(String customerId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select payload from {h-schema}outbox_message where topic = :topic and message_key = :key order by created_at",
                        String.class)
                        .setParameter("topic", CustomerFeedback.TOPIC)
                        .setParameter("key", customerId)
                        .getResultList())));
    }
}
