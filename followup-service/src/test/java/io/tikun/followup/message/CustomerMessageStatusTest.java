package io.tikun.followup.message;

import static io.restassured.RestAssured.given;
import static io.tikun.followup.commitment.CommitmentFixtures.PROBLEM;
import static io.tikun.followup.commitment.CommitmentFixtures.WAIT;
import static io.tikun.followup.commitment.CommitmentFixtures.agentToken;
import static io.tikun.followup.commitment.CommitmentFixtures.claimDone;
import static io.tikun.followup.commitment.CommitmentFixtures.promise;
import static io.tikun.followup.commitment.CommitmentFixtures.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.followup.commitment.CommitmentFixtures.Promise;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * What intake reports about follow-up's messages ({@code customer.messages.status}) lands on the promise's customer
 * messages, once per event id and never backwards; a failure tells the promise's owner by e-mail; other requesters'
 * statuses change nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CustomerMessageStatusTest {

    private static final Duration NO_SECOND_MAIL_WITHIN = Duration.ofSeconds(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    private final ObjectMapper mapper = new ObjectMapper();

    /** A promise claimed done, whose question to the customer was requested; returns its message id. */
    private String askedCustomer(Promise promise) {
        claimDone(promise, "replaced the heater").statusCode(200);
        return question(bootstrapServers, promise.id(), 1).messageId();
    }

    private Promise newPromise() {
        return promise(bootstrapServers, "owner-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(2)));
    }

    /** Intake's example status, made about this message. */
    private String status(Promise promise, String messageId, String status, String reason, String requestedBy)
            throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "customer.messages.status.example.json"));
        event.put("messageId", messageId).put("complaintId", "cmp-1").put("caseId", promise.caseId().toString())
                .put("customerId", promise.customerId()).put("reference", "TK-000042").put("kind", "FOLLOW_UP")
                .put("requestedBy", requestedBy).put("channel", "email").put("status", status)
                .put("providerMessageId", "<msg." + messageId.replace(':', '-') + "@tikun.local>")
                .put("at", Instant.now().toString());
        if (reason == null) {
            event.putNull("reason");
        } else {
            event.put("reason", reason);
        }
        return mapper.writeValueAsString(event);
    }

    private void send(String key, String eventId, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("customer.messages.status", key, eventId, "tikun.customer-message.status", json);
        }
    }

    private static JsonPath messages(UUID commitmentId) {
        return given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + commitmentId + "/customer-messages")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitStatus(UUID commitmentId, String status) {
        await().atMost(WAIT).until(() -> status.equals(messages(commitmentId).getString("[0].status")));
    }

    private long mailsTo(String address) {
        return mail.messages().stream().filter(m -> m.isTo(address)).count();
    }

    @Test
    void listsTheRequestedQuestionAndRecordsWhatIntakeReportsOncePerEvent() throws Exception {
        Promise promise = newPromise();
        String messageId = askedCustomer(promise);

        JsonPath requested = messages(promise.id());
        assertThat(requested.getList("$")).hasSize(1);
        assertThat(requested.getString("[0].messageId")).isEqualTo("followup:verify:" + promise.id() + ":1");
        assertThat(requested.getString("[0].messageId")).isEqualTo(messageId);
        assertThat(requested.getString("[0].kind")).isEqualTo("FOLLOW_UP");
        assertThat(requested.getString("[0].language")).isEqualTo("en");
        assertThat(requested.getString("[0].subject")).isEqualTo("Was it done?");
        assertThat(requested.getString("[0].status")).isEqualTo("REQUESTED");

        String sentEvent = UUID.randomUUID().toString();
        send(promise.customerId(), sentEvent, status(promise, messageId, "SENT", null, "followup-service"));
        awaitStatus(promise.id(), "SENT");
        JsonPath sent = messages(promise.id());
        assertThat(sent.getString("[0].channel")).isEqualTo("email");
        assertThat(sent.getString("[0].providerMessageId")).contains("followup-verify-");
        assertThat(sent.getString("[0].statusAt")).isNotBlank();

        // A redelivery of the same event id, whatever it carries, is not applied again; nor is a state already passed.
        send(promise.customerId(), sentEvent, status(promise, messageId, "FAILED", "bounced", "followup-service"));
        String delivered = UUID.randomUUID().toString();
        send(promise.customerId(), delivered, status(promise, messageId, "DELIVERED", null, "followup-service"));
        awaitStatus(promise.id(), "DELIVERED");
        send(promise.customerId(), UUID.randomUUID().toString(),
                status(promise, messageId, "SENT", null, "followup-service"));
        await().atMost(WAIT).during(Duration.ofSeconds(2))
                .until(() -> "DELIVERED".equals(messages(promise.id()).getString("[0].status")));
        assertThat(mailsTo(promise.ownerAddress())).isZero();
    }

    @Test
    void aFailedDeliveryTellsThePromisesOwnerOnceWithTheReason() throws Exception {
        Promise promise = newPromise();
        String messageId = askedCustomer(promise);
        String reason = "email 550: mailbox unavailable";

        send(promise.customerId(), UUID.randomUUID().toString(),
                status(promise, messageId, "FAILED", reason, "followup-service"));

        awaitStatus(promise.id(), "FAILED");
        assertThat(messages(promise.id()).getString("[0].reason")).isEqualTo(reason);
        CapturedMail notice = mail.await(m -> m.isTo(promise.ownerAddress()), WAIT);
        assertThat(notice.subject()).isEqualTo("Customer not reached: TK-000042");
        assertThat(notice.text()).contains(reason, "FOLLOW_UP", "email", "A technician replaces the heater",
                "reach the customer another way");

        // Reported again under another event id: already FAILED, so the owner is not told twice.
        send(promise.customerId(), UUID.randomUUID().toString(),
                status(promise, messageId, "FAILED", reason, "followup-service"));
        await().atMost(WAIT).during(NO_SECOND_MAIL_WITHIN).until(() -> mailsTo(promise.ownerAddress()) == 1);
    }

    @Test
    void ignoresTheStatusOfAnotherServicesMessage() throws Exception {
        Promise promise = newPromise();
        String messageId = askedCustomer(promise);

        send(promise.customerId(), UUID.randomUUID().toString(),
                status(promise, messageId, "FAILED", "meta 400", "routing-service"));
        // Ours, after it on the same key: once it is applied, routing's was read and skipped.
        Promise other = newPromise();
        String otherId = askedCustomer(other);
        send(promise.customerId(), UUID.randomUUID().toString(),
                status(other, otherId, "SENT", null, "followup-service"));
        awaitStatus(other.id(), "SENT");

        assertThat(messages(promise.id()).getString("[0].status")).isEqualTo("REQUESTED");
        assertThat(mailsTo(promise.ownerAddress())).isZero();
    }

    @Test
    void sendsAnUnreadableStatusToTheDeadLetterTopic() {
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, "customer.messages.status.dlq")) {
            String garbage = "{\"messageId\":\"followup:verify:x:1\",\"status\":\"LOST\"";
            send("k", UUID.randomUUID().toString(), garbage);

            assertThat(dlq.await(r -> garbage.equals(r.value()), WAIT).value()).isEqualTo(garbage);
        }
    }

    @Test
    void answers404ForAnUnknownCommitmentAnd401Anonymously() {
        given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + UUID.randomUUID() + "/customer-messages")
                .then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/commitments/" + UUID.randomUUID() + "/customer-messages").then().statusCode(401)
                .contentType(PROBLEM);
    }
}
