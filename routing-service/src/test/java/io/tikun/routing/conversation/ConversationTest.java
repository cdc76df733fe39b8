package io.tikun.routing.conversation;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * Routing talks to the customer through intake's gateway: replies, notes, answers by phone and automatic messages on
 * the case's conversation, {@code customer.messages.requested} out and {@code customer.messages.status} back, over the
 * real broker and database.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConversationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REQUESTED = "customer.messages.requested";
    private static final String STATUS = "customer.messages.status";

    private final ObjectMapper mapper = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private record Opened(String complaintId, String customerId, String id) {
    }

    /** A complaint in English (the fixture's language) or, with {@code hebrew}, without a language (Hebrew). */
    private Opened open(boolean hebrew) {
        String complaintId = UUID.randomUUID().toString();
        String customerId = "cust-" + complaintId;
        String json = hebrew ? complaintJson(complaintId, customerId, "MEDIUM", "web", Instant.now(), null)
                : complaintJson(complaintId, randomReference(), "MEDIUM");
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received", json);
        }
        return new Opened(complaintId, customerId, awaitCase(complaintId).getString("id"));
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    private static Response post(String user, String role, String caseId, String action, String json) {
        return given().auth().oauth2(token(user, role)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/cases/" + caseId + "/" + action);
    }

    private static String text(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    private static JsonPath view(String caseId) {
        return given().auth().oauth2(token("mira", "manager")).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The case's message of this kind whose text contains {@code words}. */
    private static Map<String, Object> message(JsonPath view, String kind, String words) {
        List<Map<String, Object>> messages = view.getList("messages");
        return messages.stream().filter(m -> kind.equals(m.get("kind")) && String.valueOf(m.get("body")).contains(words))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " with '" + words + "' in " + messages));
    }

    private void report(Opened opened, String messageId, String kind, String channel, String status, String reason,
            String providerId) {
        report(opened, UUID.randomUUID().toString(), messageId, kind, channel, status, reason, providerId);
    }

    private void report(Opened opened, String eventId, String messageId, String kind, String channel, String status,
            String reason, String providerId) {
        String json = """
                {"messageId":"%s","complaintId":"%s","caseId":"%s","customerId":"%s","reference":"TK-000042",
                 "kind":"%s","requestedBy":"routing-service","channel":"%s","status":"%s","reason":%s,
                 "providerMessageId":%s,"attempts":1,"at":"%s"}"""
                .formatted(messageId, opened.complaintId(), opened.id(), opened.customerId(), kind, channel, status,
                        reason == null ? "null" : "\"" + reason + "\"", providerId == null ? "null" : "\"" + providerId + "\"",
                        Instant.now());
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(STATUS, opened.customerId(), eventId, "tikun.customer-message.status", json);
        }
    }

    /** The request routing published for this case whose text contains {@code words}, checked against intake's schema. */
    private JsonNode requested(KafkaTopicReader topic, Opened opened, String words) throws Exception {
        ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(opened.id()) && r.value().contains(words),
                WAIT);
        assertThat(record.key()).isEqualTo(opened.customerId());
        assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("tikun.customer-message.requested");
        assertThat(KafkaTopicReader.header(record, "ce_id")).isNotBlank();
        JsonNode json = mapper.readTree(record.value());
        assertThat(CustomerMessageContractTest.requestedSchema().validate(json)).as(record.value()).isEmpty();
        return json;
    }

    @Test
    void aReplyIsRequestedFromIntakeAndTheFirstOneSentIsTheFirstResponse() throws Exception {
        Opened opened = open(false);
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, REQUESTED, "cases.updated")) {
            JsonPath replied = post("bob", "agent", opened.id(), "replies", text("A technician comes on Tuesday")).then()
                    .statusCode(200).body("assignee", equalTo("bob")).body("status", equalTo("OPEN"))
                    .extract().jsonPath();
            assertThat(replied.getString("firstRespondedAt")).isNull();
            Map<String, Object> reply = message(replied, "AGENT_REPLY", "A technician comes on Tuesday");
            assertThat(reply).containsEntry("direction", "OUTBOUND").containsEntry("author", "AGENT")
                    .containsEntry("writtenBy", "bob").containsEntry("automatic", false)
                    .containsEntry("deliveryStatus", "REQUESTED")
                    .containsEntry("messageId", "routing:reply:" + reply.get("id"));

            JsonNode asked = requested(topic, opened, "A technician comes on Tuesday");
            assertThat(asked.get("messageId").asText()).isEqualTo("routing:reply:" + reply.get("id"));
            assertThat(asked.get("kind").asText()).isEqualTo("AGENT_REPLY");
            assertThat(asked.get("automatic").asBoolean()).isFalse();
            assertThat(asked.get("author").get("id").asText()).isEqualTo("bob");
            assertThat(asked.get("language").asText()).isEqualTo("en");
            assertThat(asked.get("complaintId").asText()).isEqualTo(opened.complaintId());

            String messageId = asked.get("messageId").asText();
            report(opened, messageId, "AGENT_REPLY", "email", "SENT", null, "<reply-1@tikun.local>");
            JsonPath answered = await().atMost(WAIT).until(() -> view(opened.id()),
                    v -> "SENT".equals(message(v, "AGENT_REPLY", "Tuesday").get("deliveryStatus")));
            assertThat(answered.getString("status")).isEqualTo("RESPONDED");
            String firstResponse = answered.getString("firstRespondedAt");
            assertThat(firstResponse).isNotNull();
            assertThat(answered.getString("firstRespondedBy")).isEqualTo("bob");
            assertThat(message(answered, "AGENT_REPLY", "Tuesday")).containsEntry("channel", "email")
                    .containsEntry("providerMessageId", "<reply-1@tikun.local>");
            ConsumerRecord<String, String> responded = topic.await(r -> r.value().contains(opened.id())
                    && "tikun.case.responded".equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            assertThat(responded.value()).contains("reply sent by email");

            // Delivered, then an older report arrives late: the later state stays.
            report(opened, messageId, "AGENT_REPLY", "email", "DELIVERED", null, null);
            await().atMost(WAIT).until(() -> "DELIVERED".equals(message(view(opened.id()), "AGENT_REPLY", "Tuesday")
                    .get("deliveryStatus")));
            report(opened, messageId, "AGENT_REPLY", "email", "SENT", null, "<late@tikun.local>");
            // A second reply, reported after the stale one on the same partition, shows the stale one was applied.
            post("bob", "agent", opened.id(), "replies", text("He will call before he comes")).then().statusCode(200);
            String second = requested(topic, opened, "He will call before he comes").get("messageId").asText();
            report(opened, second, "AGENT_REPLY", "email", "SENT", null, "<reply-2@tikun.local>");
            JsonPath later = await().atMost(WAIT).until(() -> view(opened.id()),
                    v -> "SENT".equals(message(v, "AGENT_REPLY", "He will call").get("deliveryStatus")));
            assertThat(message(later, "AGENT_REPLY", "Tuesday")).containsEntry("deliveryStatus", "DELIVERED")
                    .containsEntry("providerMessageId", "<reply-1@tikun.local>");
            assertThat(later.getString("firstRespondedAt")).as("only the first reply sent answers the case")
                    .isEqualTo(firstResponse);
        }
    }

    @Test
    void aFailedDeliveryIsShownWithItsReasonAndAlertsTheCasesAgent() throws Exception {
        Opened opened = open(false);
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, REQUESTED)) {
            post("bob", "agent", opened.id(), "replies", text("Please send a photo of the label")).then().statusCode(200);
            String messageId = requested(topic, opened, "photo of the label").get("messageId").asText();
            String eventId = UUID.randomUUID().toString();
            String reason = "meta 400: (#10) This message is sent outside of allowed window.";
            report(opened, eventId, messageId, "AGENT_REPLY", "meta", "FAILED", reason, null);
            report(opened, eventId, messageId, "AGENT_REPLY", "meta", "FAILED", reason, null);

            JsonPath failed = await().atMost(WAIT).until(() -> view(opened.id()),
                    v -> "FAILED".equals(message(v, "AGENT_REPLY", "photo").get("deliveryStatus")));
            assertThat(message(failed, "AGENT_REPLY", "photo")).containsEntry("deliveryReason", reason)
                    .containsEntry("channel", "meta");
            assertThat(failed.getString("firstRespondedAt")).as("a failed reply answers nobody").isNull();
            JsonPath alerted = await().atMost(WAIT).until(() -> view(opened.id()),
                    v -> v.getList("notifications.findAll { it.kind == 'DELIVERY_FAILED' && it.channel == 'email' "
                            + "&& it.state == 'SENT' }.recipient").contains("bob@tikun.test"));
            assertThat(alerted.getList("notifications.findAll { it.kind == 'DELIVERY_FAILED' }.channel", String.class))
                    .containsExactlyInAnyOrder("email", "stream");
        }
    }

    @Test
    void aFailedReplyIsSentAgainOnceAsANewMessageLinkedToTheFailedOne() throws Exception {
        Opened opened = open(false);
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, REQUESTED)) {
            JsonPath replied = post("bob", "agent", opened.id(), "replies", text("Your refund was approved")).then()
                    .statusCode(200).extract().jsonPath();
            String failedId = String.valueOf(message(replied, "AGENT_REPLY", "refund was approved").get("id"));
            String messageId = requested(topic, opened, "refund was approved").get("messageId").asText();
            String resend = "/api/v1/cases/" + opened.id() + "/messages/" + failedId + "/resend";

            given().auth().oauth2(token("bob", "agent")).post(resend).then().statusCode(409).contentType(PROBLEM)
                    .body("detail", containsString("whose delivery failed"));

            report(opened, messageId, "AGENT_REPLY", "email", "FAILED", "smtp 550 5.1.1 mailbox unavailable", null);
            await().atMost(WAIT).until(() -> "FAILED".equals(message(view(opened.id()), "AGENT_REPLY", "refund was approved")
                    .get("deliveryStatus")));
            given().auth().oauth2(token("carol", "agent")).post(resend).then().statusCode(403).contentType(PROBLEM);

            JsonPath resent = given().auth().oauth2(token("bob", "agent")).post(resend).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> replies = resent.getList("messages.findAll { it.kind == 'AGENT_REPLY' }");
            assertThat(replies).hasSize(2);
            Map<String, Object> failed = replies.stream().filter(m -> failedId.equals(m.get("id"))).findFirst().orElseThrow();
            Map<String, Object> again = replies.stream().filter(m -> !failedId.equals(m.get("id"))).findFirst().orElseThrow();
            assertThat(failed).containsEntry("deliveryStatus", "FAILED").containsEntry("resentAs", again.get("id"));
            assertThat(again).containsEntry("resentFrom", failedId).containsEntry("deliveryStatus", "REQUESTED")
                    .containsEntry("body", "Your refund was approved").containsEntry("writtenBy", "bob")
                    .containsEntry("messageId", "routing:resend:" + again.get("id"));

            JsonNode asked = requested(topic, opened, "routing:resend:" + again.get("id"));
            assertThat(asked.get("kind").asText()).isEqualTo("AGENT_REPLY");
            assertThat(asked.get("text").asText()).isEqualTo("Your refund was approved");

            given().auth().oauth2(token("bob", "agent")).post(resend).then().statusCode(409).contentType(PROBLEM)
                    .body("detail", containsString("already sent again as message " + again.get("id")));
            given().auth().oauth2(token("bob", "agent"))
                    .post("/api/v1/cases/" + opened.id() + "/messages/" + UUID.randomUUID() + "/resend")
                    .then().statusCode(404).contentType(PROBLEM);
        }
    }

    /** An agent's token as the realm issues it, with their display name and e-mail address. */
    private static String tokenWithEmail(String user, String name, String email) {
        return Jwt.preferredUserName(user).subject(user).groups(Set.of("agent")).claim("name", name).claim("email", email)
                .issuer("https://server.example.com").audience("https://server.example.com").jws().keyId("1")
                .sign("privateKey.jwk");
    }

    @Test
    void aFailedReplyAlertsItsAgentAtTheAddressTheirTokenCarriedWhenNoneIsConfigured() throws Exception {
        Opened opened = open(false);
        String noa = "noa-" + UUID.randomUUID().toString().substring(0, 8);
        String address = noa + "@example.org";
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, REQUESTED)) {
            given().auth().oauth2(tokenWithEmail(noa, "Noa Cohen", address)).contentType(ContentType.JSON)
                    .body(text("The courier comes on Sunday")).post("/api/v1/cases/" + opened.id() + "/replies")
                    .then().statusCode(200).body("assignee", equalTo(noa));
            String messageId = requested(topic, opened, "courier comes on Sunday").get("messageId").asText();

            report(opened, messageId, "AGENT_REPLY", "meta", "FAILED", "WhatsApp error 131026: Message undeliverable",
                    null);

            JsonPath alerted = await().atMost(WAIT).until(() -> view(opened.id()),
                    v -> v.getList("notifications.findAll { it.kind == 'DELIVERY_FAILED' && it.channel == 'email' }.recipient")
                            .contains(address));
            assertThat(alerted.getList("notifications.findAll { it.kind == 'DELIVERY_FAILED' && it.channel == 'email' }"))
                    .hasSize(1);
        }
    }

    @Test
    void badRepliesAreProblemsAndNothingIsSent() {
        Opened opened = open(false);
        post("bob", "agent", opened.id(), "replies", text("")).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("text")));
        post("bob", "agent", opened.id(), "replies", text("   ")).then().statusCode(400).contentType(PROBLEM);
        post("bob", "agent", opened.id(), "replies", text("x".repeat(5001))).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("at most 5000"));
        post("bob", "agent", UUID.randomUUID().toString(), "replies", text("Hello")).then().statusCode(404)
                .contentType(PROBLEM);
        post("bob", "agent", opened.id(), "resolve",
                "{\"resolution\":\"Refunded\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}").then()
                .statusCode(200);
        post("bob", "agent", opened.id(), "replies", text("One more thing")).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("resolved"));
        assertThat(view(opened.id()).getList("messages.kind", String.class)).doesNotContain("AGENT_REPLY");
    }

    @Test
    void aNoteIsShownOnTheCaseAndNeverSent() throws Exception {
        Opened opened = open(false);
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, REQUESTED)) {
            post("bob", "agent", opened.id(), "notes", text("She prefers calls after 17:00")).then().statusCode(200)
                    .body("assignee", equalTo(null));
            post("bob", "agent", opened.id(), "replies", text("We will call you after five")).then().statusCode(200);
            // Requests of one customer are published in order: the first one for this case is the reply.
            ConsumerRecord<String, String> first = topic.await(r -> r.value().contains(opened.id()), WAIT);
            assertThat(first.value()).contains("We will call you after five").doesNotContain("17:00");
        }
        Map<String, Object> note = message(view(opened.id()), "NOTE", "after 17:00");
        assertThat(note).containsEntry("direction", "INTERNAL").containsEntry("writtenBy", "bob")
                .containsEntry("deliveryStatus", null);
    }

    @Test
    void anAnswerByPhoneIsRecordedAsAPhoneResponse() {
        Opened opened = open(false);
        JsonPath answered = post("bob", "agent", opened.id(), "first-response", "{\"summary\":\"Called her, apologised\"}")
                .then().statusCode(200).body("status", equalTo("RESPONDED")).extract().jsonPath();
        assertThat(message(answered, "PHONE_RESPONSE", "Called her, apologised")).containsEntry("direction", "OUTBOUND")
                .containsEntry("channel", "phone").containsEntry("writtenBy", "bob").containsEntry("deliveryStatus", null);
        assertThat(answered.getList("messages.kind", String.class)).containsExactly("COMPLAINT", "PHONE_RESPONSE");
        assertThat(answered.getString("messages[0].body")).contains("It burned. I will sue.");
    }

    @Test
    void promisesAndEachResolutionTellTheCustomerInTheComplaintsLanguage() throws Exception {
        Opened opened = open(true);
        // 07:00 UTC is 9:00 in Jerusalem on a winter day (UTC+2).
        String due = "2027-03-02T07:00:00Z";
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, REQUESTED)) {
            given().auth().oauth2(token("bob", "agent")).contentType(ContentType.JSON)
                    .body("{\"what\":\"טכנאי יחליף את גוף החימום\",\"owner\":\"צוות השטח\",\"dueAt\":\"" + due + "\"}")
                    .post("/api/v1/cases/" + opened.id() + "/commitments").then().statusCode(202);
            JsonNode summary = requested(topic, opened, "טכנאי יחליף את גוף החימום");
            assertThat(summary.get("kind").asText()).isEqualTo("EXPECTATION_SUMMARY");
            assertThat(summary.get("automatic").asBoolean()).isTrue();
            assertThat(summary.get("author").isNull()).isTrue();
            assertThat(summary.get("language").asText()).isEqualTo("he");
            assertThat(summary.get("text").asText()).startsWith("שלום Dana Levi").contains("צוות השטח").contains(", 9:00")
                    .contains("2027");

            post("bob", "agent", opened.id(), "resolve",
                    "{\"resolution\":\"החלפנו את גוף החימום\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}")
                    .then().statusCode(200);
            JsonNode thanks = requested(topic, opened, "החלפנו את גוף החימום");
            assertThat(thanks.get("kind").asText()).isEqualTo("THANK_YOU");
            assertThat(thanks.get("messageId").asText()).isEqualTo("routing:thank-you:" + opened.id() + ":1");
            assertThat(thanks.get("text").asText()).contains("תודה").contains(thanks.get("reference").asText());

            post("bob", "agent", opened.id(), "reopen", "{\"reason\":\"Still cold\"}").then().statusCode(200);
            post("bob", "agent", opened.id(), "resolve",
                    "{\"resolution\":\"החלפנו גם את התרמוסטט\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}")
                    .then().statusCode(200);
            assertThat(requested(topic, opened, "החלפנו גם את התרמוסטט").get("messageId").asText())
                    .isEqualTo("routing:thank-you:" + opened.id() + ":2");
        }
        JsonPath conversation = view(opened.id());
        assertThat(conversation.getString("language")).isEqualTo("he");
        assertThat(conversation.getList("messages.kind", String.class))
                .containsExactly("COMPLAINT", "EXPECTATION_SUMMARY", "THANK_YOU", "THANK_YOU");
        assertThat(conversation.getList("messages.findAll { it.kind != 'COMPLAINT' }.automatic", Boolean.class))
                .containsOnly(true);
        assertThat(conversation.getList("messages.findAll { it.kind != 'COMPLAINT' }.author", String.class))
                .containsOnly("SYSTEM");
    }

    @Test
    void anUnreadableStatusReportGoesToTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, STATUS + ".dlq");
                CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(STATUS, "cust-" + marker, UUID.randomUUID().toString(), "tikun.customer-message.status",
                    "{\"messageId\":\"" + marker + "\",\"status\":\"LOST\"}");
            sender.sendRaw(STATUS, "cust-" + marker, "{\"messageId\":\"no-ce-id-" + marker + "\"}");
            dlq.await(r -> r.value().contains("\"" + marker + "\""), WAIT);
            dlq.await(r -> r.value().contains("no-ce-id-" + marker), WAIT);
        }
    }
}
