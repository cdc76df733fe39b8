package io.tikun.intake.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.intake.email.ThreadRecordingMimeParser.ParseCall;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * The admin replay endpoint is a reactive method served on an event loop; parsing a message of up to
 * {@code email.max-raw-bytes} must still happen on a worker thread, as it does for a live delivery.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class LargeMailReplayTest {

    private static final String RFC822 = "message/rfc822";
    /** Random bytes that base64 turns into a message of about 9.6 MB: close to the 10 MB cap, like a phone video. */
    private static final int ATTACHMENT_BYTES = 7_000_000;
    private static final long SEED = 20261123L;
    private static final int MIN_LARGE_MAIL_BYTES = 9 * 1024 * 1024;

    @Inject
    QuotedTextStripper stripper;

    @Inject
    AutomatedMailDetector automatedMailDetector;

    /** The real parser noting the thread of each parse, in place of the application's for each test of this class only. */
    private ThreadRecordingMimeParser parser;

    @Inject
    QuarantineRepository quarantine;

    @ConfigProperty(name = "tikun.intake.email.max-raw-bytes")
    int maxRawBytes;

    @BeforeEach
    void recordTheThreadOfEachParse() {
        parser = new ThreadRecordingMimeParser(stripper, automatedMailDetector);
        QuarkusMock.installMockForType(parser, MimeComplaintParser.class);
    }

    private static byte[] largeMail(String sender, String messageId) {
        byte[] video = new byte[ATTACHMENT_BYTES];
        new Random(SEED).nextBytes(video);
        String boundary = "tikun-" + UUID.randomUUID();
        String mail = "From: Yael Cohen <" + sender + ">\r\n"
                + "To: support@tikun.io\r\n"
                + "Subject: The leak under the sink, video attached\r\n"
                + "Date: Mon, 23 Nov 2026 09:00:00 +0200\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
                + "\r\n--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "The technician left and the sink still leaks. The video shows the water on the floor.\r\n"
                + "\r\n--" + boundary + "\r\n"
                + "Content-Type: video/mp4; name=\"leak.mp4\"\r\n"
                + "Content-Disposition: attachment; filename=\"leak.mp4\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(video) + "\r\n"
                + "--" + boundary + "--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    private static String admin() {
        return OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
    }

    @Test
    void replaysALargeQuarantinedMailIntoAComplaintParsingItOffTheEventLoopAsALiveDeliveryIs() {
        String messageId = UUID.randomUUID() + "@mail.example.com";
        byte[] raw = largeMail("yael+" + UUID.randomUUID() + "@example.com", messageId);
        assertThat(raw.length).isBetween(MIN_LARGE_MAIL_BYTES, maxRawBytes);
        // As if an earlier parser had refused this valid message.
        String held = quarantine.keep("email", "/api/v1/channels/email", RFC822, Map.of(), raw, "parser bug",
                Instant.now()).await().indefinitely();

        String reference = given().auth().oauth2(admin()).post("/api/v1/quarantine/" + held + "/replay").then()
                .statusCode(200).body("status", equalTo("REPLAYED")).body("truncated", equalTo(false))
                .body("replayedAs", matchesPattern("TK-\\d{6,}")).extract().path("replayedAs");

        assertThat(parser.callsFor(raw.length)).singleElement()
                .satisfies(replay -> assertThat(replay.onEventLoop())
                        .as("the replay parsed the message on %s", replay.thread()).isFalse());

        // The same bytes delivered live are the complaint the replay made, parsed on a worker thread as well.
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mail-gateway", Set.of("channel")))
                .contentType(RFC822).body(raw).post("/api/v1/channels/email").then().statusCode(200)
                .body("outcome", equalTo("REPEATED")).body("reference", equalTo(reference));
        assertThat(parser.callsFor(raw.length)).hasSize(2).extracting(ParseCall::onEventLoop).containsOnly(false);
    }
}
