package io.tikun.intake.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * The gateway over real Kafka, MongoDB-protocol store and SMTP sandbox: routing's request becomes a mail in the
 * customer's thread and a status event, once, and the customer's answer joins the complaint.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class CustomerMessageGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    ObjectMapper mapper;

    @Inject
    CustomerMessageRepository messages;

    @Inject
    DestinationResolver destinations;

    @Inject
    @Any
    Instance<ChannelSender> senders;

    @Inject
    CustomerMailComposer composer;

    @Inject
    ComplaintRepository complaints;

    @Inject
    StatusEventOutbox statusEvents;

    @Inject
    OutboundConfig config;

    private CloudEventSender events;
    private KafkaTopicReader statuses;

    @BeforeEach
    void connect() {
        events = new CloudEventSender(bootstrapServers);
        statuses = new KafkaTopicReader(bootstrapServers, CustomerMessageStatus.TOPIC);
    }

    @AfterEach
    void disconnect() {
        events.close();
        statuses.close();
    }

    private static String channel() {
        return OidcWiremockTestResource.getAccessToken("gateway-test", Set.of("channel"));
    }

    private static String agent() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    /** A customer's mail to support: the complaint's id, reference and customer id. */
    private static JsonPath emailComplaint(String from, String messageId, String subject, String text) {
        byte[] raw = ("From: Dana Levi <" + from + ">\r\nTo: support@tikun.test\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text + "\r\n").getBytes(StandardCharsets.UTF_8);
        String id = given().auth().oauth2(channel()).contentType("message/rfc822").body(raw).post("/api/v1/channels/email")
                .then().statusCode(202).extract().path("complaintId");
        return given().auth().oauth2(agent()).get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath webComplaint(String email, String subject, String body) {
        String id = given().auth().oauth2(channel()).contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + email
                        + "\"},\"subject\":\"" + subject + "\",\"body\":\"" + body + "\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
        return given().auth().oauth2(agent()).get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Routing's contract example, addressed to this complaint. */
    private ObjectNode request(String messageId, JsonPath complaint) throws Exception {
        ObjectNode request = (ObjectNode) mapper.readTree(getClass().getResourceAsStream(
                "/contracts/customer.messages.requested.example.json"));
        return request.put("messageId", messageId).put("complaintId", complaint.getString("id"))
                .put("customerId", complaint.getString("customer.id")).put("reference", complaint.getString("reference"))
                .put("requestedAt", Instant.now().toString());
    }

    private void publish(ObjectNode request) throws Exception {
        events.send(CustomerMessageRequest.TOPIC, request.get("customerId").asText(), UUID.randomUUID().toString(),
                CustomerMessageRequest.TYPE, mapper.writeValueAsString(request));
    }

    private ConsumerRecord<String, String> awaitStatus(String messageId, CustomerMessageStatus.Status status) {
        return statuses.await(r -> r.value().contains("\"" + messageId + "\"")
                && r.value().contains("\"status\":\"" + status + "\""), WAIT);
    }

    private JsonNode validStatusEvent(ConsumerRecord<String, String> record) throws Exception {
        JsonNode event = mapper.readTree(record.value());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                mapper.readTree(getClass().getResourceAsStream("/contracts/customer.messages.status.schema.json")));
        assertThat(schema.validate(event)).isEmpty();
        return event;
    }

    private List<CapturedMail> mailsWithId(String messageIdHeader) {
        return mail.messages().stream().filter(m -> messageIdHeader.equals(m.header("Message-ID"))).toList();
    }

    @Test
    void deliversAnAgentReplyInTheCustomersThreadAnnouncesItSentAndThreadsTheCustomersAnswer() throws Exception {
        String customer = "gateway+" + UUID.randomUUID() + "@example.com";
        String firstMail = UUID.randomUUID() + "@mail.example.com";
        JsonPath complaint = emailComplaint(customer, firstMail, "Broken fridge", "The fridge stopped working.");
        String reference = complaint.getString("reference");
        String messageId = "routing:reply:" + UUID.randomUUID();
        ObjectNode request = request(messageId, complaint).put("language", "en")
                .put("text", "Hello Dana,\n\nA technician comes on Tuesday between 8:00 and 12:00.\n\nNoa");
        request.putArray("links").addObject().put("label", "Choose another time").put("url", "https://tikun.example/t/1");

        publish(request);

        String mailId = "<" + composer.mailMessageId(messageId) + ">";
        CapturedMail reply = mail.await(m -> mailId.equals(m.header("Message-ID")), WAIT);
        assertThat(reply.to()).containsExactly(customer);
        assertThat(reply.subject()).isEqualTo("Re: [" + reference + "] Broken fridge");
        assertThat(reply.header("In-Reply-To")).isEqualTo("<" + firstMail + ">");
        assertThat(reply.header("References")).matches("<" + firstMail + "> <ack\\.[0-9a-f-]{36}@tikun\\.local>");
        assertThat(reply.header("Reply-To")).isEqualTo("support@tikun.test");
        assertThat(reply.header("Auto-Submitted")).as("an agent's own words are not automatic").isNull();
        assertThat(reply.header("Content-Type")).startsWith("multipart/alternative");
        assertThat(reply.text()).contains("A technician comes on Tuesday")
                .contains("Choose another time: https://tikun.example/t/1");

        ConsumerRecord<String, String> sent = awaitStatus(messageId, CustomerMessageStatus.Status.SENT);
        assertThat(sent.key()).isEqualTo(complaint.getString("customer.id"));
        assertThat(KafkaTopicReader.header(sent, "ce_type")).isEqualTo(CustomerMessageStatus.TYPE);
        assertThat(KafkaTopicReader.header(sent, "ce_id"))
                .isEqualTo(CustomerMessageStatus.eventId(messageId, CustomerMessageStatus.Status.SENT));
        JsonNode event = validStatusEvent(sent);
        assertThat(event.path("channel").asText()).isEqualTo("email");
        assertThat(event.path("providerMessageId").asText()).isEqualTo(composer.mailMessageId(messageId));
        assertThat(event.path("attempts").asInt()).isEqualTo(1);
        assertThat(event.path("caseId").asText()).isEqualTo(request.get("caseId").asText());

        // The customer answers our mail: it joins the complaint, by In-Reply-To and by the [TK-…] in its subject.
        byte[] answer = ("From: Dana Levi <" + customer + ">\r\nTo: support@tikun.test\r\nSubject: Re: [" + reference
                + "] Broken fridge\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nIn-Reply-To: " + mailId
                + "\r\nReferences: <" + firstMail + "> " + mailId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nTuesday is fine, thanks.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(channel()).contentType("message/rfc822").body(answer).post("/api/v1/channels/email")
                .then().statusCode(200).body("outcome", equalTo("THREADED"))
                .body("complaintId", equalTo(complaint.getString("id")));

        JsonPath conversation = given().auth().oauth2(agent()).get("/api/v1/complaints/" + complaint.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(conversation.getList("conversation.direction")).containsExactly("INBOUND", "OUTBOUND", "INBOUND");
        assertThat(conversation.getList("conversation.kind")).containsExactly("COMPLAINT", "AGENT_REPLY", "MESSAGE");
        assertThat(conversation.getString("conversation[1].status")).isEqualTo("SENT");
        assertThat(conversation.getString("conversation[1].author")).isEqualTo("Noa Cohen");
        assertThat(conversation.getString("conversation[1].channel")).isEqualTo("email");
        assertThat(conversation.getString("conversation[2].text")).contains("Tuesday is fine");

        await().atMost(WAIT).untilAsserted(() -> assertThat(given().auth().oauth2(agent())
                .get("/api/v1/customers/" + complaint.getString("customer.id") + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'OUTBOUND' }.status")).containsExactly("SENT"));
    }

    @Test
    void theConversationListsWhatTheCustomerAttachedWithItsDigest() {
        String from = "attach+" + UUID.randomUUID() + "@example.com";
        byte[] raw = ("From: Dana Levi <" + from + ">\r\nTo: support@tikun.test\r\nSubject: Receipt\r\nMessage-ID: <"
                + UUID.randomUUID() + "@mail.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nMy receipt is attached.\r\n--b1\r\n"
                + "Content-Type: text/plain; name=\"receipt.txt\"\r\nContent-Disposition: attachment; filename=\"receipt.txt\"\r\n"
                + "\r\nabc\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
        String id = given().auth().oauth2(channel()).contentType("message/rfc822").body(raw).post("/api/v1/channels/email")
                .then().statusCode(202).extract().path("complaintId");

        JsonPath complaint = given().auth().oauth2(agent()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .extract().jsonPath();

        assertThat(complaint.getString("conversation[0].attachments[0].name")).isEqualTo("receipt.txt");
        assertThat(complaint.getString("conversation[0].attachments[0].type")).startsWith("text/plain");
        assertThat(complaint.getLong("conversation[0].attachments[0].size")).isEqualTo(3);
        // SHA-256 of "abc"
        assertThat(complaint.getString("conversation[0].attachments[0].sha256"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aRequestDeliveredTwiceIsSentOnce() throws Exception {
        String customer = "twice+" + UUID.randomUUID() + "@example.com";
        JsonPath complaint = emailComplaint(customer, UUID.randomUUID() + "@mail.example.com", "Noisy boiler",
                "The boiler is noisy.");
        String messageId = "routing:reply:" + UUID.randomUUID();
        ObjectNode request = request(messageId, complaint);

        publish(request);
        publish(request);

        awaitStatus(messageId, CustomerMessageStatus.Status.SENT);
        String mailId = "<" + composer.mailMessageId(messageId) + ">";
        // Two more dispatcher passes and the relay have had their chance to send it again.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsWithId(mailId).size() == 1);
        assertThat(statuses.all(r -> r.value().contains("\"" + messageId + "\""), Duration.ofSeconds(1))
                .stream().map(r -> KafkaTopicReader.header(r, "ce_id")).distinct())
                .containsExactly(CustomerMessageStatus.eventId(messageId, CustomerMessageStatus.Status.SENT));
    }

    @Test
    void anAutomaticMessageWithASubjectToAWebComplaintIsMarkedAutoGenerated() throws Exception {
        String customer = "web+" + UUID.randomUUID() + "@example.com";
        JsonPath complaint = webComplaint(customer, "Late delivery", "My parcel is late.");
        String messageId = "routing:thank-you:" + UUID.randomUUID();
        ObjectNode request = request(messageId, complaint).put("kind", "THANK_YOU").put("automatic", true)
                .put("subject", "Thank you").put("language", "en").put("text", "Thank you for telling us.");
        request.putNull("author");

        publish(request);

        CapturedMail thanks = mail.await(m -> ("<" + composer.mailMessageId(messageId) + ">")
                .equals(m.header("Message-ID")), WAIT);
        assertThat(thanks.subject()).isEqualTo("[" + complaint.getString("reference") + "] Thank you");
        assertThat(thanks.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(thanks.header("In-Reply-To")).isNull();
        assertThat(thanks.header("Reply-To")).isEqualTo("support@tikun.test");
    }

    @Test
    void aRequestForAnUnknownComplaintIsAnnouncedFailedWithTheReason() throws Exception {
        String messageId = "followup:verify:" + UUID.randomUUID();
        ObjectNode request = (ObjectNode) mapper.readTree(getClass().getResourceAsStream(
                "/contracts/customer.messages.requested.example.json"));
        request.put("messageId", messageId).put("complaintId", "no-such-complaint").put("requestedBy", "followup-service");

        publish(request);

        JsonNode failed = validStatusEvent(awaitStatus(messageId, CustomerMessageStatus.Status.FAILED));
        assertThat(failed.path("reason").asText()).isEqualTo("unknown complaint no-such-complaint");
        assertThat(failed.path("channel").isNull()).isTrue();
        assertThat(failed.path("attempts").asInt()).isZero();
    }

    @Test
    void aRequestBreakingTheContractGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String messageId = "routing:reply:" + UUID.randomUUID();
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, CustomerMessageRequest.TOPIC + ".dlq")) {
            events.send(CustomerMessageRequest.TOPIC, "cu-1", UUID.randomUUID().toString(), CustomerMessageRequest.TYPE,
                    "{\"messageId\":\"" + messageId + "\",\"language\":\"fr\"}");

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(messageId), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("language must be one of");
        }
    }

    @Test
    void twoDispatchersRacingForTheSameDueMessageSendItOnce() throws Exception {
        String customer = "race+" + UUID.randomUUID() + "@example.com";
        JsonPath complaint = emailComplaint(customer, UUID.randomUUID() + "@mail.example.com", "Leaking tap",
                "The tap leaks.");
        String messageId = "routing:reply:" + UUID.randomUUID();
        CustomerMessageRequest request = mapper.treeToValue(request(messageId, complaint), CustomerMessageRequest.class);
        // Due a day from now: the application's own dispatcher leaves it alone; the two below live in that future.
        Instant future = Instant.now().plus(Duration.ofDays(1));
        messages.insertPending(request, future).await().atMost(WAIT);
        Clock then = Clock.fixed(future.plusSeconds(1), ZoneOffset.UTC);
        CustomerMessageDispatcher first = dispatcher(then);
        CustomerMessageDispatcher second = dispatcher(then);

        CompletableFuture<Integer> a = first.dispatch().subscribeAsCompletionStage();
        CompletableFuture<Integer> b = second.dispatch().subscribeAsCompletionStage();
        CompletableFuture.allOf(a, b).get();

        awaitStatus(messageId, CustomerMessageStatus.Status.SENT);
        String mailId = "<" + composer.mailMessageId(messageId) + ">";
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> mailsWithId(mailId).size() == 1);
        CustomerMessage stored = messages.findById(messageId).await().atMost(WAIT);
        assertThat(stored.state()).isEqualTo(CustomerMessage.State.SENT);
        assertThat(stored.attempts()).isEqualTo(1);
    }

    @Test
    void aLeaseThatRanOutIsClaimedAgainAndTheFormerHoldersOutcomeIsIgnored() throws Exception {
        JsonPath complaint = emailComplaint("lease+" + UUID.randomUUID() + "@example.com",
                UUID.randomUUID() + "@mail.example.com", "Cold radiator", "The radiator is cold.");
        String messageId = "routing:reply:" + UUID.randomUUID();
        CustomerMessageRequest request = mapper.treeToValue(request(messageId, complaint), CustomerMessageRequest.class);
        Instant future = Instant.now().plus(Duration.ofDays(2));
        messages.insertPending(request, future).await().atMost(WAIT);

        CustomerMessage held = messages.claimDue("instance-a", future, future.plusSeconds(60)).await().atMost(WAIT);
        CustomerMessage whileHeld = messages.claimDue("instance-b", future.plusSeconds(30), future.plusSeconds(90))
                .await().atMost(WAIT);
        CustomerMessage afterLease = messages.claimDue("instance-b", future.plusSeconds(61), future.plusSeconds(121))
                .await().atMost(WAIT);
        boolean lateMarking = messages.markRetry(messageId, "instance-a", held.attempts(), "email", "late",
                future.plusSeconds(300), future.plusSeconds(62)).await().atMost(WAIT);

        assertThat(held.messageId()).isEqualTo(messageId);
        assertThat(whileHeld).isNull();
        assertThat(afterLease.messageId()).isEqualTo(messageId);
        assertThat(afterLease.attempts()).isEqualTo(2);
        assertThat(lateMarking).isFalse();
    }

    @Test
    void rendersAHebrewReplyRightToLeftWithLinksAsButtons() {
        OutboundMessage hebrew = new OutboundMessage("routing:reply:he", "c-1", null, "cu-1", "TK-000042",
                CustomerMessageKind.AGENT_REPLY, false, "נועה", "he", null, "שלום דנה,\n\nטכנאי יגיע ביום שלישי <מחר>.",
                List.of(new OutboundMessage.Link("לבחירת מועד אחר", "https://tikun.example/t/1?a=1&b=2")), null,
                new Destination.Email("dana@example.com", "דנה", "מקרר", null, List.of()), 1);
        OutboundMessage english = new OutboundMessage("routing:reply:en", "c-1", null, "cu-1", "TK-000042",
                CustomerMessageKind.AGENT_REPLY, false, "Noa", "en", null, "Hello", List.of(), null,
                new Destination.Email("dana@example.com", "Dana", "Fridge", null, List.of()), 1);

        String html = composer.html(hebrew);

        assertThat(html).contains("<html lang=\"he\" dir=\"rtl\">").contains("dir=\"rtl\"")
                .contains("שלום דנה,").contains("טכנאי יגיע ביום שלישי &lt;מחר&gt;.")
                .containsPattern("<a href=\"https://tikun.example/t/1\\?a=1&amp;b=2\"[^>]*>לבחירת מועד אחר</a>");
        assertThat(composer.html(english)).contains("<html lang=\"en\" dir=\"ltr\">");
    }

    private CustomerMessageDispatcher dispatcher(Clock clock) {
        return new CustomerMessageDispatcher(messages, destinations, senders, composer, complaints, statusEvents, config,
                clock);
    }
}
