package io.tikun.intake.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class EmailChannelResourceTest {

    private static final String RFC822 = "message/rfc822";
    private static final String PROBLEM = "application/problem+json";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    io.tikun.intake.quarantine.QuarantineRepository quarantine;

    private static String token() {
        return OidcWiremockTestResource.getAccessToken("mail-gateway", Set.of("channel"));
    }

    private static Response deliver(byte[] raw) {
        return given().auth().oauth2(token()).contentType(RFC822).body(raw).post("/api/v1/channels/email");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = EmailChannelResourceTest.class.getResourceAsStream("/email/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The headers every test mail has, up to and with MIME-Version. */
    private static String headers(String from, String messageId, String inReplyTo, String subject) {
        return "From: Dana Levi <" + from + ">\r\n"
                + "To: support@tikun.io\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 23 Nov 2026 09:00:00 +0200\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n")
                + "MIME-Version: 1.0\r\n";
    }

    private static byte[] mail(String from, String messageId, String inReplyTo, String subject, String body) {
        return (headers(from, messageId, inReplyTo, subject)
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonPath complaint(String id) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void turnsAHebrewWindows1255MailIntoAComplaintOnceAcrossRedeliveries() throws IOException {
        byte[] raw = fixture("hebrew-windows1255-qp.eml");
        JsonPath created = deliver(raw).then().statusCode(202).body("outcome", equalTo("CREATED")).extract().jsonPath();

        deliver(raw).then().statusCode(200).body("outcome", equalTo("REPEATED"))
                .body("reference", equalTo(created.getString("reference")));
        JsonPath stored = complaint(created.getString("complaintId"));
        assertThat(stored.getString("channel")).isEqualTo("email");
        assertThat(stored.getString("customer.email")).isEqualTo("moshe.peretz@walla.co.il");
        assertThat(stored.getString("body")).contains("החשבונית");
    }

    @Test
    void addsAReplyToTheComplaintItAnswersAndAnnouncesIt() {
        String sender = "dana+" + UUID.randomUUID() + "@example.com";
        String originalId = UUID.randomUUID() + "@mail.example.com";
        String complaintId = deliver(mail(sender, originalId, null, "Heater broken", "The heater is broken again."))
                .then().statusCode(202).extract().path("complaintId");

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "complaints.received",
                "complaints.received.urgent")) {
            deliver(mail(sender, UUID.randomUUID() + "@mail.example.com", originalId, "Re: Heater broken",
                    "Nobody has called me yet.\r\n\r\nOn Mon, 23 Nov 2026 Dana Levi wrote:\r\n> The heater is broken again."))
                    .then().statusCode(200).body("outcome", equalTo("THREADED")).body("complaintId", equalTo(complaintId));

            ConsumerRecord<String, String> added = topic.await(r -> r.value().contains(complaintId)
                    && "tikun.complaint.message-added".equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
            assertThat(added.value()).contains("Nobody has called me yet.").doesNotContain("> The heater");
        }
    }

    /** A Thunderbird-style multipart/mixed mail: the text, then one base64 attachment with an RFC 2231 name. */
    private static byte[] mailWithPhoto(String from, String messageId, String inReplyTo, String subject, String text,
            byte[] photo) {
        String boundary = "------------" + UUID.randomUUID().toString().replace("-", "");
        return (headers(from, messageId, inReplyTo, subject)
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
                + "\r\nThis is a multi-part message in MIME format.\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: image/jpeg\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%D7%9E%D7%96%D7%92%D7%9F.jpg\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(photo) + "\r\n"
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void announcesTheAttachmentsOfAComplaintAndOfAReplyWithoutTheirContent() throws Exception {
        String sender = "dana+" + UUID.randomUUID() + "@example.com";
        String originalId = UUID.randomUUID() + "@mail.example.com";
        byte[] first = new byte[3000];
        byte[] second = new byte[777];
        new java.util.Random(7).nextBytes(first);
        new java.util.Random(8).nextBytes(second);

        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "complaints.received",
                "complaints.received.urgent")) {
            String complaintId = deliver(mailWithPhoto(sender, originalId, null, "Burnt unit", "Photo attached.", first))
                    .then().statusCode(202).extract().path("complaintId");
            deliver(mailWithPhoto(sender, UUID.randomUUID() + "@mail.example.com", originalId, "Re: Burnt unit",
                    "Another photo.", second)).then().statusCode(200).body("outcome", equalTo("THREADED"));

            JsonPath received = new JsonPath(topic.await(r -> r.value().contains(complaintId)
                    && "tikun.complaint.received".equals(KafkaTopicReader.header(r, "ce_type")), WAIT).value());
            JsonPath added = new JsonPath(topic.await(r -> r.value().contains(complaintId)
                    && "tikun.complaint.message-added".equals(KafkaTopicReader.header(r, "ce_type")), WAIT).value());
            assertThat(received.getList("attachments")).hasSize(1);
            assertThat(received.getString("attachments[0].name")).isEqualTo("מזגן.jpg");
            assertThat(received.getString("attachments[0].type")).isEqualTo("image/jpeg");
            assertThat(received.getLong("attachments[0].size")).isEqualTo(3000L);
            assertThat(received.getString("attachments[0].sha256")).isEqualTo(sha256(first));
            assertThat(added.getList("attachments")).hasSize(1);
            assertThat(added.getLong("attachments[0].size")).isEqualTo(777L);
            assertThat(added.getString("attachments[0].sha256")).isEqualTo(sha256(second));
            assertThat(added.getString("body")).isEqualTo("Another photo.");
        }
    }

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void threadsByTheReferenceInTheSubjectOnlyForTheSameSender() {
        String sender = "noa+" + UUID.randomUUID() + "@example.com";
        JsonPath created = deliver(mail(sender, UUID.randomUUID() + "@x", null, "Refund", "Where is my refund?"))
                .then().statusCode(202).extract().jsonPath();
        String subject = "Re: [" + created.getString("reference") + "] Refund";

        deliver(mail(sender, UUID.randomUUID() + "@x", null, subject, "Still nothing.")).then().statusCode(200)
                .body("outcome", equalTo("THREADED")).body("complaintId", equalTo(created.getString("complaintId")));
        deliver(mail("stranger@example.com", UUID.randomUUID() + "@x", null, subject, "I am someone else."))
                .then().statusCode(202).body("outcome", equalTo("CREATED"));
    }

    @Test
    void replaysAQuarantinedMailOnceItCanBeReadAndKeepsAnUnreadableOneHeld() {
        String sender = "replay+" + UUID.randomUUID() + "@example.com";
        // As if an earlier parser had refused this valid message.
        String held = quarantine.keep("email", "/api/v1/channels/email", RFC822, java.util.Map.of(),
                mail(sender, UUID.randomUUID() + "@x", null, "Lost order", "Where is my order?"), "parser bug",
                java.time.Instant.now()).await().indefinitely();
        String admin = OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));

        given().auth().oauth2(admin).post("/api/v1/quarantine/" + held + "/replay").then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("replayedAs", org.hamcrest.Matchers.startsWith("TK-"));

        String broken = deliver("not a mail at all".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .extract().path("quarantineId");
        int heldBefore = quarantine.list(io.tikun.intake.quarantine.QuarantineStatus.HELD, 0, 10_000).await()
                .indefinitely().size();
        given().auth().oauth2(admin).post("/api/v1/quarantine/" + broken + "/replay").then().statusCode(400)
                .contentType(PROBLEM);
        // The failed replay leaves the one entry it had and adds no second one.
        assertThat(quarantine.list(io.tikun.intake.quarantine.QuarantineStatus.HELD, 0, 10_000).await().indefinitely())
                .hasSize(heldBefore);
        given().auth().oauth2(admin).get("/api/v1/quarantine/" + broken).then().statusCode(200)
                .body("status", equalTo("HELD")).body("replayAttempts", equalTo(1));
    }

    @Test
    void recordsAutoRepliesAndBouncesAsIgnored() throws IOException {
        deliver(fixture("auto-reply-auto-submitted.eml")).then().statusCode(200).body("outcome", equalTo("IGNORED"))
                .body("ignoredAs", notNullValue());
        deliver(fixture("dsn-bounce.eml")).then().statusCode(200).body("outcome", equalTo("IGNORED"));
    }

    @Test
    void quarantinesWhatIsNotAnEmailAndRefusesOtherMediaTypes() {
        deliver("this is not a mail".getBytes(StandardCharsets.UTF_8)).then().statusCode(400).contentType(PROBLEM)
                .body("quarantineId", notNullValue());
        given().auth().oauth2(token()).contentType("text/plain").body("From: a@b.c\r\n\r\nhi")
                .post("/api/v1/channels/email").then().statusCode(415).contentType(PROBLEM)
                .body("quarantineId", notNullValue());
        given().contentType(RFC822).body(mail("a@b.c", "x@y", null, "s", "b")).post("/api/v1/channels/email")
                .then().statusCode(401).contentType(PROBLEM);
    }
}
