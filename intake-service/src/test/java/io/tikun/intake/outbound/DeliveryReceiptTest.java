package io.tikun.intake.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.intake.social.MetaSignatureVerifier;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * The network's own word that a message arrived: a signed Meta webhook carrying a Messenger delivery receipt or a
 * WhatsApp status turns the gateway's SENT message into DELIVERED, and WhatsApp's failed status into FAILED with its
 * reason, each announced once on customer.messages.status. So does a bounce arriving through the e-mail channel for a
 * mail the gateway sent, when it names the address the mail went to.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class DeliveryReceiptTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tikun.channels.meta.app-secret")
    String appSecret;

    @Inject
    IntakeStore store;

    @Inject
    CustomerMessageRepository messages;

    @Inject
    ObjectMapper mapper;

    @Inject
    CustomerMailComposer composer;

    private KafkaTopicReader statuses;
    private CloudEventSender events;

    @BeforeEach
    void connect() {
        statuses = new KafkaTopicReader(bootstrapServers, CustomerMessageStatus.TOPIC);
        events = new CloudEventSender(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        statuses.close();
        events.close();
    }

    @Test
    void aPermanentBounceNamingTheAddressTheMailWentToMakesItFailedButAForgedOrDelayedOneChangesNothing()
            throws Exception {
        String customer = "bounce+" + UUID.randomUUID() + "@example.com";
        String messageId = "routing:reply:" + UUID.randomUUID();
        mailedReply(customer, messageId);
        String mailId = composer.mailMessageId(messageId);
        assertThat(messages.findById(messageId).await().atMost(WAIT).sentTo())
                .as("the address is kept when the mail leaves").isEqualTo(customer);

        // Someone who learnt the Message-ID bounces it for another address: not the customer's.
        postMail(bounce("postfix-user-unknown.eml", "msg.routing-reply-7f3c.a1b2c3d4e5f6@tikun.example", mailId,
                "dana@example.com", "dana@example.com"));
        // The customer's server is only slow: a delay is no failure.
        postMail(bounce("postfix-delayed.eml", "msg.routing-expectation-2d4e.9f8e7d6c5b4a@tikun.example", mailId,
                "avi.k@example.net", customer));
        assertThat(messages.findById(messageId).await().atMost(WAIT).state()).isEqualTo(CustomerMessage.State.SENT);

        postMail(bounce("postfix-user-unknown.eml", "msg.routing-reply-7f3c.a1b2c3d4e5f6@tikun.example", mailId,
                "dana@example.com", customer));

        String reason = "bounce 5.1.1: 550 5.1.1 <" + customer + ">: Recipient address rejected: User unknown in "
                + "virtual mailbox table";
        JsonNode failure = mapper.readTree(awaitStatus(messageId, "FAILED").value());
        assertThat(failure.path("reason").asText()).isEqualTo(reason);
        assertThat(failure.path("channel").asText()).isEqualTo("email");
        assertThat(failure.path("providerMessageId").asText()).isEqualTo(mailId);
        CustomerMessage stored = messages.findById(messageId).await().atMost(WAIT);
        assertThat(stored.state()).isEqualTo(CustomerMessage.State.FAILED);
        assertThat(stored.reason()).isEqualTo(reason);
        assertThat(statuses.all(r -> r.value().contains("\"" + messageId + "\""), Duration.ofSeconds(2)).stream()
                .map(r -> KafkaTopicReader.header(r, "ce_id")))
                .as("SENT, then FAILED once: neither the forged nor the delayed report announced anything")
                .containsExactly(CustomerMessageStatus.eventId(messageId, CustomerMessageStatus.Status.SENT),
                        CustomerMessageStatus.eventId(messageId, CustomerMessageStatus.Status.FAILED));
    }

    /** An agent's reply mailed by the gateway to the customer of an e-mail complaint, SENT. */
    private void mailedReply(String customer, String messageId) throws Exception {
        String channel = OidcWiremockTestResource.getAccessToken("gateway-test", Set.of("channel"));
        String agent = OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
        byte[] complaint = ("From: Dana Levi <" + customer + ">\r\nTo: support@tikun.test\r\nSubject: Broken fridge\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe fridge stopped working.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String complaintId = given().auth().oauth2(channel).contentType("message/rfc822").body(complaint)
                .post("/api/v1/channels/email").then().statusCode(202).extract().path("complaintId");
        JsonPath filed = given().auth().oauth2(agent).get("/api/v1/complaints/" + complaintId).then().statusCode(200)
                .extract().jsonPath();
        ObjectNode request = (ObjectNode) mapper.readTree(getClass().getResourceAsStream(
                "/contracts/customer.messages.requested.example.json"));
        request.put("messageId", messageId).put("complaintId", complaintId)
                .put("customerId", filed.getString("customer.id")).put("reference", filed.getString("reference"))
                .put("requestedAt", Instant.now().toString());
        events.send(CustomerMessageRequest.TOPIC, filed.getString("customer.id"), UUID.randomUUID().toString(),
                CustomerMessageRequest.TYPE, mapper.writeValueAsString(request));
        awaitStatus(messageId, "SENT");
    }

    /** A bounce fixture about our mail {@code mailId} and the recipient {@code to} instead of its own. */
    private byte[] bounce(String fixture, String fixtureMailId, String mailId, String fixtureRecipient, String to)
            throws Exception {
        try (var in = getClass().getResourceAsStream("/email/bounces/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(fixtureMailId, mailId)
                    .replace(fixtureRecipient, to).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Delivers a raw mail to the e-mail channel, as the mail server's pipe and the IMAP poller do. */
    private static void postMail(byte[] raw) {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("gateway-test", Set.of("channel")))
                .contentType("message/rfc822").body(raw).post("/api/v1/channels/email")
                .then().statusCode(200).body("outcome", equalTo("IGNORED")).body("ignoredAs", notNullValue());
    }

    @Test
    void aMessengerDeliveryReceiptMakesTheSentReplyDeliveredOnceWithAStatusEvent() throws Exception {
        String messageId = "routing:reply:" + UUID.randomUUID();
        String firstPart = "m_" + UUID.randomUUID();
        String secondPart = "m_" + UUID.randomUUID();
        sent(messageId, firstPart + "," + secondPart);
        String receipt = """
                {"object":"page","entry":[{"id":"104","time":1458692752478,"messaging":[
                 {"sender":{"id":"2001"},"recipient":{"id":"104"},"timestamp":1458668856253,
                  "delivery":{"mids":["%s","%s"],"watermark":1458668856253}}]}]}""".formatted(secondPart, firstPart);

        postSigned(receipt);

        JsonNode event = mapper.readTree(awaitStatus(messageId, "DELIVERED").value());
        assertThat(event.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(event.path("channel").asText()).isEqualTo("meta");
        assertThat(event.path("providerMessageId").asText()).isEqualTo(firstPart + "," + secondPart);
        assertThat(messages.findById(messageId).await().atMost(WAIT).state()).isEqualTo(CustomerMessage.State.DELIVERED);

        postSigned(receipt);
        assertThat(statuses.all(r -> r.value().contains(messageId), Duration.ofSeconds(2)))
                .as("one DELIVERED event, however often the network repeats the receipt").hasSize(1);
    }

    @Test
    void aWhatsAppReadStatusCountsAsDeliveredAndAFailedOneMakesTheSentMessageFailedWithWhatsAppsReason() throws Exception {
        String read = "routing:thank-you:" + UUID.randomUUID();
        String failed = "routing:reply:" + UUID.randomUUID();
        String readWamid = "wamid." + UUID.randomUUID();
        String failedWamid = "wamid." + UUID.randomUUID();
        sent(read, readWamid);
        sent(failed, failedWamid);

        postSigned(whatsAppStatuses(
                """
                        {"id":"%s","status":"read","timestamp":"1750263775","recipient_id":"972521234567"},
                        {"id":"%s","status":"failed","timestamp":"1750263776","recipient_id":"972521234567",
                         "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                          "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]}"""
                        .formatted(readWamid, failedWamid)));

        assertThat(mapper.readTree(awaitStatus(read, "DELIVERED").value()).path("status").asText()).isEqualTo("DELIVERED");
        JsonNode failure = mapper.readTree(awaitStatus(failed, "FAILED").value());
        assertThat(failure.path("reason").asText()).startsWith("WhatsApp error 131047: Re-engagement message (Message failed");
        assertThat(failure.path("providerMessageId").asText()).isEqualTo(failedWamid);
        CustomerMessage stored = messages.findById(failed).await().atMost(WAIT);
        assertThat(stored.state()).isEqualTo(CustomerMessage.State.FAILED);
        assertThat(stored.reason()).isEqualTo(failure.path("reason").asText());
    }

    @Test
    void aFailedStatusAfterDeliveryOrARepeatedFailureChangesNothing() throws Exception {
        String messageId = "followup:verify:" + UUID.randomUUID();
        String wamid = "wamid." + UUID.randomUUID();
        sent(messageId, wamid);
        postSigned(whatsAppStatuses("""
                {"id":"%s","status":"delivered","timestamp":"1750263775","recipient_id":"972521234567"}""".formatted(wamid)));
        awaitStatus(messageId, "DELIVERED");

        String failure = """
                {"id":"%s","status":"failed","timestamp":"1750263776","recipient_id":"972521234567",
                 "errors":[{"code":131026,"title":"Message undeliverable"}]}""".formatted(wamid);
        postSigned(whatsAppStatuses(failure));
        postSigned(whatsAppStatuses(failure));

        assertThat(messages.findById(messageId).await().atMost(WAIT).state()).isEqualTo(CustomerMessage.State.DELIVERED);
        assertThat(statuses.all(r -> r.value().contains(messageId), Duration.ofSeconds(2)))
                .as("only the DELIVERED event").hasSize(1);
    }

    private static String whatsAppStatuses(String statuses) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                 "statuses":[%s]}}]}]}"""
                .formatted(statuses);
    }

    /** A message the gateway already sent through Meta, as the dispatcher leaves it. */
    private void sent(String messageId, String providerMessageId) {
        Instant now = Instant.now();
        CustomerMessageRequest request = new CustomerMessageRequest(messageId, "complaint-" + UUID.randomUUID(),
                UUID.randomUUID().toString(), "customer-" + UUID.randomUUID(), "TK-000042", CustomerMessageKind.AGENT_REPLY,
                false, new CustomerMessageRequest.Author("agent", "Noa Cohen"), "he", null, "הטכנאי יגיע מחר",
                List.of(), "routing-service", now);
        Document doc = CustomerMessage.requestDocument(request).append("status", "SENT").append("attempts", 1)
                .append("dueAt", null).append("owner", null).append("leaseUntil", new Date(0)).append("channel", "meta")
                .append("providerMessageId", providerMessageId)
                .append("providerIds", List.of(providerMessageId.split(",")))
                .append("receivedAt", Date.from(now)).append("updatedAt", Date.from(now))
                .append("pendingEvents", List.of()).append("outboxClaimedUntil", new Date(0));
        store.collection(CustomerMessageRepository.COLLECTION).insertOne(doc).await().atMost(WAIT);
    }

    private void postSigned(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        given().header(MetaSignatureVerifier.SIGNATURE_HEADER, "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .contentType(ContentType.JSON).body(body).post("/api/v1/channels/meta").then().statusCode(200);
    }

    private ConsumerRecord<String, String> awaitStatus(String messageId, String status) {
        return statuses.await(r -> r.value().contains("\"" + messageId + "\"") && r.value().contains("\"" + status + "\""),
                WAIT);
    }
}
