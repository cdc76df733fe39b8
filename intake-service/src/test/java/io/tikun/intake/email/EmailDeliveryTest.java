package io.tikun.intake.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Nothing a mail pipe delivers is lost: reused Message-IDs, relays adding headers, messages damaged in transit. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class EmailDeliveryTest {

    private static final String RFC822 = "message/rfc822";
    private static final String PROBLEM = "application/problem+json";
    private static final String ENDPOINT = "/api/v1/channels/email";

    @ConfigProperty(name = "tikun.intake.email.max-raw-bytes")
    int maxRawBytes;

    private static Response deliver(byte[] raw) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mail-gateway", Set.of("channel")))
                .contentType(RFC822).body(raw).post(ENDPOINT);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = EmailDeliveryTest.class.getResourceAsStream("/email-delivery/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The fixture under a Message-ID of this test's own, so tests sharing the store do not see each other's mail. */
    private static byte[] fixture(String name, String messageId) throws IOException {
        String raw = new String(fixture(name), StandardCharsets.ISO_8859_1);
        return raw.replaceFirst("(?m)^Message-ID: <[^>]+>", "Message-ID: <" + messageId + ">")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String uniqueId() {
        return UUID.randomUUID() + "@localhost.localdomain";
    }

    private static JsonPath complaint(String id) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void assertKeptInQuarantine(String quarantineId, String reason) {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("ada", Set.of("admin")))
                .get("/api/v1/quarantine/" + quarantineId).then().statusCode(200)
                .body("status", equalTo("HELD")).body("reason", containsString(reason));
    }

    /** The same message as a second relay hands it over: more trace headers on top, the same content below. */
    private static byte[] relayedAgain(byte[] raw) {
        byte[] trace = ("Received: from mx2.backup.example.net (mx2.backup.example.net [192.0.2.44])\r\n"
                + "\tby mx1.tikun.io (Postfix) with ESMTPS id 8C9D0E1F\r\n"
                + "\tfor <support@tikun.io>; Tue, 1 Dec 2026 10:20:41 +0200 (IST)\r\n"
                + "X-Spam-Status: No, score=-0.1 required=5.0\r\n"
                + "Authentication-Results: mx1.tikun.io; spf=pass smtp.mailfrom=example.net\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(trace);
        out.writeBytes(raw);
        return out.toByteArray();
    }

    @Test
    void aDifferentMessageUnderAReusedMessageIdBecomesAComplaintOfItsOwn() throws IOException {
        // An appliance stamping one Message-ID on everything it sends.
        String reused = uniqueId();
        byte[] firstMail = fixture("reused-id-first.eml", reused);
        byte[] secondMail = fixture("reused-id-second.eml", reused);
        JsonPath first = deliver(firstMail).then().statusCode(202)
                .body("outcome", equalTo("CREATED")).extract().jsonPath();
        JsonPath second = deliver(secondMail).then().statusCode(202)
                .body("outcome", equalTo("CREATED")).extract().jsonPath();

        assertThat(second.getString("complaintId")).isNotEqualTo(first.getString("complaintId"));
        assertThat(complaint(first.getString("complaintId")).getString("body")).contains("stopped cooling");
        assertThat(complaint(second.getString("complaintId")).getString("body")).contains("Invoice 5531")
                .doesNotContain("cooling");
        // Each of the two is a re-delivery of itself, not of the other.
        deliver(secondMail).then().statusCode(200).body("outcome", equalTo("REPEATED"))
                .body("complaintId", equalTo(second.getString("complaintId")));
        deliver(relayedAgain(firstMail)).then().statusCode(200).body("outcome", equalTo("REPEATED"))
                .body("complaintId", equalTo(first.getString("complaintId")));
    }

    @Test
    void theSameMessageRelayedAgainWithMoreReceivedHeadersIsOneComplaint() throws IOException {
        byte[] raw = fixture("reused-id-second.eml", uniqueId());
        String id = deliver(raw).then().statusCode(202).extract().path("complaintId");

        deliver(relayedAgain(raw)).then().statusCode(200).body("outcome", equalTo("REPEATED"))
                .body("complaintId", equalTo(id));
    }

    @Test
    void aMessageWhoseLastBoundaryNeverCameIsADamagedComplaintWithWhatCouldBeRead() throws IOException {
        String id = deliver(fixture("damaged-unclosed-boundary.eml", uniqueId())).then().statusCode(202)
                .body("outcome", equalTo("CREATED")).extract().path("complaintId");

        JsonPath stored = complaint(id);
        assertThat(stored.getBoolean("damaged")).isTrue();
        assertThat(stored.getString("damage")).contains("never closed");
        assertThat(stored.getString("body")).contains("missed the delivery window for the third time")
                .contains("Order 88341");
        assertThat(stored.getString("customer.email")).isEqualTo("michal.cohen@example.org");
    }

    @Test
    void aMessageCutInsideABase64AttachmentIsADamagedComplaintWithItsHebrewText() throws IOException {
        String id = deliver(fixture("damaged-truncated-base64.eml", uniqueId())).then().statusCode(202)
                .body("outcome", equalTo("CREATED")).extract().path("complaintId");

        JsonPath stored = complaint(id);
        assertThat(stored.getBoolean("damaged")).isTrue();
        assertThat(stored.getString("subject")).isEqualTo("מזגן דולף");
        assertThat(stored.getString("body")).contains("המזגן שהותקן אצלי לפני שבוע דולף מים");
        assertThat(stored.getString("customer.name")).isEqualTo("נועה בר");
    }

    @Test
    void anIntactMessageIsNotMarkedDamaged() throws IOException {
        String id = deliver(fixture("reused-id-first.eml", uniqueId())).then().statusCode(202).extract()
                .path("complaintId");

        assertThat(complaint(id).getBoolean("damaged")).isFalse();
    }

    @Test
    void everyRefusalOfTheEmailEndpointKeepsThePayloadInQuarantine() throws IOException {
        String damagedWithoutText = deliver(fixture("damaged-attachment-only.eml", uniqueId())).then().statusCode(400)
                .contentType(PROBLEM).body("quarantineId", notNullValue()).extract().path("quarantineId");
        assertKeptInQuarantine(damagedWithoutText, "never closed");

        String noSender = deliver("Subject: hello\r\nTo: support@tikun.io\r\n\r\nMy order is late.\r\n"
                .getBytes(StandardCharsets.US_ASCII)).then().statusCode(400).contentType(PROBLEM)
                .extract().path("quarantineId");
        assertKeptInQuarantine(noSender, "no sender");

        String notMail = deliver("just some text".getBytes(StandardCharsets.US_ASCII)).then().statusCode(400)
                .contentType(PROBLEM).extract().path("quarantineId");
        assertKeptInQuarantine(notMail, "not an e-mail");

        String wrongType = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mail-gateway", Set.of("channel")))
                .contentType("text/plain").body(fixture("reused-id-first.eml")).post(ENDPOINT).then().statusCode(415)
                .contentType(PROBLEM).extract().path("quarantineId");
        assertKeptInQuarantine(wrongType, "message/rfc822");
    }

    @Test
    void aMessageOverTheCapIsRefusedBeforeItIsReadSoNothingOfItIsKept() throws IOException {
        byte[] oversized = Arrays.copyOf(fixture("reused-id-first.eml"), maxRawBytes + 1);
        Arrays.fill(oversized, fixture("reused-id-first.eml").length, oversized.length, (byte) 'a');
        // Refused by its declared length before the body is buffered: there are no bytes to keep (BodyLimitTest).
        deliver(oversized).then().statusCode(413).contentType(PROBLEM).body("quarantineId", nullValue());
    }
}
