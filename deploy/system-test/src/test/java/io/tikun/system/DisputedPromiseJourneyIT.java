package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.testing.KafkaTopicReader;

/**
 * Issue #6's end-to-end proof over real Kafka, PostgreSQL and the SMTP sandbox: a CRITICAL complaint,
 * the manager's promise, the owner's "done", the customer's "no, it isn't" from the link in the
 * e-mail, and the case sent one rung up the ladder again because of it.
 */
@ExtendWith(SharedStack.class)
class DisputedPromiseJourneyIT {

    private static final Duration WAIT = ComplaintJourney.WAIT;
    /** How long to keep listening after the dispute, to see that it is published and acted on once. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final String COMMENT = "Nobody came. The wall is still black.";

    private static LocalStack stack;
    private static ComplaintJourney journey;

    @BeforeAll
    static void startTikun() {
        stack = SharedStack.stack();
        journey = new ComplaintJourney(stack);
    }

    @Test
    void aCustomerWhoSaysThePromiseWasNotKeptSendsTheCaseUpTheLadderAgain() {
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        JsonPath receipt = journey.fileCriticalWebComplaint(email);
        assertThat(receipt.getString("severity")).isEqualTo("CRITICAL");
        String reference = receipt.getString("reference");
        JsonPath opened = journey.awaitOpenedCase(receipt.getString("id"));
        String caseId = opened.getString("id");
        assertThat(opened.getString("level")).isEqualTo("SERVICE_MANAGER");
        int stepsBefore = journey.caseView(caseId).getList("escalations").size();

        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        // Owned by the demo agent, who later says it was done: only a promise's owner (or a manager) may.
        String commitmentId = journey.makeCommitment(caseId, "A technician replaces the heater and repaints the wall",
                "agent", due);
        assertThat(journey.awaitTrackedCommitment(caseId).getString("status")).isEqualTo("OPEN");
        journey.claimDone(commitmentId, "Heater replaced, wall repainted");

        denyTheFixLikeTheCustomer(commitmentId, email);
        assertThat(journey.commitmentStatus(commitmentId)).isEqualTo("DISPUTED");

        JsonPath escalated = await().atMost(WAIT).until(() -> journey.caseView(caseId),
                view -> view.getList("escalations").size() == stepsBefore + 1);
        String lastStep = "escalations[" + stepsBefore + "]";
        assertThat(escalated.getString(lastStep + ".from")).isEqualTo("SERVICE_MANAGER");
        assertThat(escalated.getString(lastStep + ".to")).isEqualTo("MANAGER_CALLBACK");
        assertThat(escalated.getString(lastStep + ".reason")).containsIgnoringCase("disputed").contains(COMMENT);
        assertThat(escalated.getString("level")).isEqualTo("MANAGER_CALLBACK");

        assertTheDisputeWasActedOnOnce(caseId, commitmentId, reference, stepsBefore);
    }

    /** The customer opens the "no" link (a form, which changes nothing) and posts it with a comment. */
    private void denyTheFixLikeTheCustomer(String commitmentId, String email) {
        String no = ComplaintJourney.link(journey.awaitWasItDoneQuestion(email), ComplaintJourney.DENY_LINK);
        given().get(no).then().statusCode(200);
        assertThat(journey.commitmentStatus(commitmentId)).isEqualTo("CLAIMED_DONE");
        given().formParam("token", ComplaintJourney.tokenOf(no)).formParam("comment", COMMENT)
                .post(stack.followup().url() + "/verify").then().statusCode(200);
    }

    /**
     * One "disputed" event on commitments.updated, one step on the case, one mail telling the manager the
     * case was escalated, with the customer's words.
     */
    private void assertTheDisputeWasActedOnOnce(String caseId, String commitmentId, String reference, int stepsBefore) {
        String escalatedSubject = "[" + reference + "] Escalated to MANAGER_CALLBACK";
        stack.mail().await(m -> isToManager(m, escalatedSubject), WAIT);
        try (KafkaTopicReader updates = new KafkaTopicReader(stack.kafka().bootstrapServers(), "commitments.updated")) {
            List<String> changes = updates.all(r -> r.value().contains(commitmentId), QUIET).stream()
                    .map(r -> JsonPath.from(r.value()).getString("change")).toList();
            assertThat(changes).as("changes published for %s", commitmentId).containsOnlyOnce("disputed");
        }
        assertThat(journey.caseView(caseId).getList("escalations")).hasSize(stepsBefore + 1);
        List<CapturedMail> alerts = stack.mail().messages().stream().filter(m -> isToManager(m, escalatedSubject))
                .toList();
        assertThat(alerts).as("manager alerts about the dispute on %s", reference).hasSize(1);
        assertThat(alerts.get(0).text()).contains(COMMENT);
    }

    private static boolean isToManager(CapturedMail mail, String subjectStart) {
        return mail.isTo(LocalStack.SERVICE_MANAGER_EMAIL) && mail.subject().startsWith(subjectStart);
    }
}
