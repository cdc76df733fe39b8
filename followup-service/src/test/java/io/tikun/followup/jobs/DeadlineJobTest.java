package io.tikun.followup.jobs;

import static io.tikun.followup.commitment.CommitmentFixtures.WAIT;
import static io.tikun.followup.commitment.CommitmentFixtures.claimDone;
import static io.tikun.followup.commitment.CommitmentFixtures.commitment;
import static io.tikun.followup.commitment.CommitmentFixtures.isEvent;
import static io.tikun.followup.commitment.CommitmentFixtures.linkAfter;
import static io.tikun.followup.commitment.CommitmentFixtures.promise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tikun.followup.commitment.CommitmentFixtures.Promise;
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.message.RequestedMessages;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * Time moving commitments on over real PostgreSQL, Kafka and SMTP: each step is published once, each staff e-mail sent
 * once and the customer's reminder requested from intake once, although two passes of the job run at the same time (the second
 * finds the rows locked or already moved on).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadlineJobTest {

    /** How long to keep watching for a duplicate after the first copy arrived. */
    private static final Duration NO_DUPLICATE_WITHIN = Duration.ofSeconds(3);
    private static final Duration DUE_SOON_BEFORE = Duration.ofHours(24);
    private static final Duration GRACE = Duration.ofHours(48);
    private static final Duration CUSTOMER_WAIT = Duration.ofDays(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    DeadlineJob job;

    @Inject
    TestClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private Promise promiseDueIn(Duration in) {
        return promise(bootstrapServers, "owner-" + UUID.randomUUID(), Instant.now().plus(in));
    }

    /** Two passes of the job at once, each on its own Vert.x context (as two instances' ticks would be). */
    private List<JobPass> runTwiceAtOnce() throws Exception {
        CompletableFuture<JobPass> first = CompletableFuture.supplyAsync(this::runOnce);
        CompletableFuture<JobPass> second = CompletableFuture.supplyAsync(this::runOnce);
        return List.of(first.get(WAIT.toSeconds(), TimeUnit.SECONDS), second.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    private JobPass runOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.runOnce());
        } catch (Throwable failure) {
            throw new CompletionException(failure);
        }
    }

    private List<ConsumerRecord<String, String>> events(KafkaTopicReader topic, UUID id, String change) {
        return topic.all(r -> isEvent(r, id, change), NO_DUPLICATE_WITHIN);
    }

    /** Waits for the one e-mail matching, and makes sure no second one follows. */
    private CapturedMail exactlyOneMail(Predicate<CapturedMail> matching) {
        await().atMost(WAIT).during(NO_DUPLICATE_WITHIN)
                .until(() -> mail.messages().stream().filter(matching).count() == 1);
        return mail.messages().stream().filter(matching).findFirst().orElseThrow();
    }

    private static String lastActor(JsonPath commitment) {
        return commitment.getString("history[-1].actor");
    }

    @Test
    void remindsTheOwnerOnceAndMarksDueSoonWhenTwoPassesRunAtOnce() throws Exception {
        Promise promise = promiseDueIn(Duration.ofHours(2));
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated")) {
            runTwiceAtOnce();

            JsonPath dueSoon = commitment(promise.id());
            assertThat(dueSoon.getString("status")).isEqualTo("DUE_SOON");
            assertThat(lastActor(dueSoon)).isEqualTo(DeadlineSteps.ACTOR);
            assertThat(events(topic, promise.id(), "due-soon")).hasSize(1);
            CapturedMail reminder = exactlyOneMail(m -> m.isTo(promise.ownerAddress()));
            assertThat(reminder.subject()).isEqualTo("Promise due soon: TK-000042");
            assertThat(reminder.text()).contains("A technician replaces the heater", "Dana Levi");

            runTwiceAtOnce();
            assertThat(commitment(promise.id()).getList("history")).hasSize(2);
            assertThat(events(topic, promise.id(), "due-soon")).hasSize(1);
            exactlyOneMail(m -> m.isTo(promise.ownerAddress()));
        }
    }

    @Test
    void leavesACommitmentAloneUntilItIsDueSoon() throws Exception {
        Promise promise = promiseDueIn(DUE_SOON_BEFORE.plusHours(2));

        runTwiceAtOnce();

        assertThat(commitment(promise.id()).getString("status")).isEqualTo("OPEN");
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        runTwiceAtOnce();
        assertThat(commitment(promise.id()).getString("status")).isEqualTo("DUE_SOON");
    }

    @Test
    void marksOverdueOnceAtTheDueDate() throws Exception {
        Promise promise = promiseDueIn(Duration.ofHours(2));
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated")) {
            runTwiceAtOnce();
            clock.advance(Duration.ofHours(2).plusSeconds(1));

            runTwiceAtOnce();

            JsonPath overdue = commitment(promise.id());
            assertThat(overdue.getString("status")).isEqualTo("OVERDUE");
            assertThat(overdue.getList("history.to", String.class)).containsExactly("OPEN", "DUE_SOON", "OVERDUE");
            ConsumerRecord<String, String> event = events(topic, promise.id(), "overdue").get(0);
            assertThat(events(topic, promise.id(), "overdue")).hasSize(1);
            assertThat(event.key()).isEqualTo(promise.customerId());
            assertThat(event.value()).contains("\"status\":\"OVERDUE\"", "\"actor\":\"" + DeadlineSteps.ACTOR + "\"");
        }
    }

    @Test
    void breaksAfterTheGracePeriodAndTellsTheServiceManagerOnce() throws Exception {
        Promise promise = promiseDueIn(Duration.ofHours(2));
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated")) {
            // The scheduler was down through the due date and the grace period: one pass takes every step in order.
            clock.advance(Duration.ofHours(2).plus(GRACE).plusMinutes(1));

            runTwiceAtOnce();

            JsonPath broken = commitment(promise.id());
            assertThat(broken.getString("status")).isEqualTo("BROKEN");
            assertThat(broken.getList("history.to", String.class)).containsExactly("OPEN", "OVERDUE", "BROKEN");
            assertThat(events(topic, promise.id(), "overdue")).hasSize(1);
            assertThat(events(topic, promise.id(), "broken")).hasSize(1);
            CapturedMail notice = exactlyOneMail(
                    m -> m.isTo("service-manager@tikun.local") && m.text().contains(promise.owner()));
            assertThat(notice.subject()).isEqualTo("Promise broken: TK-000042");
            assertThat(notice.text()).contains("grace period ended");
        }
    }

    /** Every question or reminder follow-up asked intake to put to the promise's customer. */
    private static List<RequestedMessages.Requested> questionsAbout(RequestedMessages requested, Promise promise,
            String kind) {
        String prefix = "followup:" + kind + ":" + promise.id() + ":";
        return requested.all(body -> body.path("messageId").asText().startsWith(prefix), NO_DUPLICATE_WITHIN);
    }

    @Test
    void asksASilentCustomerAgainOnceWithTheSameLinksThenMarksItUnconfirmed() throws Exception {
        Promise promise = promiseDueIn(Duration.ofDays(5));
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated");
                RequestedMessages requested = new RequestedMessages(bootstrapServers)) {
            claimDone(promise, "replaced the heater").statusCode(200);
            RequestedMessages.Requested request = requested.await(CustomerMessageRequests.verifyId(promise.id(), 1));

            clock.advance(CUSTOMER_WAIT.minusMinutes(1));
            runTwiceAtOnce();
            assertThat(questionsAbout(requested, promise, "verify-reminder")).isEmpty();

            clock.advance(Duration.ofMinutes(2));
            runTwiceAtOnce();
            List<RequestedMessages.Requested> reminders = questionsAbout(requested, promise, "verify-reminder");
            assertThat(reminders).hasSize(1);
            RequestedMessages.Requested reminder = reminders.get(0);
            assertThat(reminder.messageId()).isEqualTo(CustomerMessageRequests.verifyReminderId(promise.id(), 1));
            assertThat(reminder.subject()).startsWith("Reminder");
            assertThat(reminder.link(0)).isEqualTo(request.link(0));
            assertThat(reminder.link(1)).isEqualTo(request.link(1));
            assertThat(linkAfter(reminder.text(), "Yes, it was done:"))
                    .isEqualTo(linkAfter(request.text(), "Yes, it was done:"));
            assertThat(commitment(promise.id()).getString("status")).isEqualTo("CLAIMED_DONE");

            clock.advance(CUSTOMER_WAIT);
            runTwiceAtOnce();

            JsonPath unconfirmed = commitment(promise.id());
            assertThat(unconfirmed.getString("status")).isEqualTo("UNCONFIRMED");
            assertThat(lastActor(unconfirmed)).isEqualTo(DeadlineSteps.ACTOR);
            assertThat(events(topic, promise.id(), "unconfirmed")).hasSize(1);
            assertThat(questionsAbout(requested, promise, "verify-reminder")).hasSize(1);
        }
    }

    @Test
    void doesNotRemindACustomerWhoAnswered() throws Exception {
        Promise promise = promiseDueIn(Duration.ofDays(5));
        try (RequestedMessages requested = new RequestedMessages(bootstrapServers)) {
            claimDone(promise, "replaced the heater").statusCode(200);
            RequestedMessages.Requested request = requested.await(CustomerMessageRequests.verifyId(promise.id(), 1));
            io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.URLENC)
                    .formParam("token", request.token(0))
                    .post("/verify").then().statusCode(200);

            clock.advance(CUSTOMER_WAIT.multipliedBy(3));
            runTwiceAtOnce();

            assertThat(commitment(promise.id()).getString("status")).isEqualTo("VERIFIED");
            assertThat(questionsAbout(requested, promise, "verify-reminder")).isEmpty();
        }
    }
}
