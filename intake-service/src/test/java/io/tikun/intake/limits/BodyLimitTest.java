package io.tikun.intake.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * Each endpoint's own body cap holds before the body is read: the answer comes while the client is still sending, so
 * it can come only from the declared length or from counting. A server that buffered first would wait for the rest.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class BodyLimitTest {

    private static final int WEB_CAP = 65_536;
    private static final int EMAIL_CAP = 10_485_760;
    /** Longer than any answer takes here; a server waiting for the rest of the body never answers within it. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private static String channelToken() {
        return OidcWiremockTestResource.getAccessToken("gateway", Set.of("channel"));
    }

    /** Sends the head and part of a body, never the rest, and reads what the server answers meanwhile. */
    private static String answerToUnfinished(String head, byte[] partOfBody) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(partOfBody);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketException resetAfterTheAnswer) {
                // The server closes without reading the rest of the body; what it answered before counts.
                if (answer.size() == 0) {
                    throw resetAfterTheAnswer;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    private static String chunk(int size) {
        return Integer.toHexString(size) + "\r\n" + "a".repeat(size) + "\r\n";
    }

    @Test
    void refusesAFormDeclaringMoreThanItsCapBeforeReadingTheBody() throws IOException {
        String answer = answerToUnfinished("POST /complain HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (WEB_CAP + 1) + "\r\n\r\n",
                filled(100));

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");
    }

    @Test
    void refusesAChunkedWebApiBodyAsSoonAsItPassesTheCap() throws IOException {
        StringBuilder chunks = new StringBuilder();
        for (int sent = 0; sent <= WEB_CAP; sent += 8192) {
            chunks.append(chunk(8192));
        }
        // No terminating chunk: only a server that counts while reading can answer.
        String answer = answerToUnfinished("POST /api/v1/complaints HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + channelToken() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunks.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void refusesAnEmailDeclaringMoreThanTheEmailCapBeforeReadingIt() throws IOException {
        String answer = answerToUnfinished("POST /api/v1/channels/email HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + channelToken() + "\r\nContent-Type: message/rfc822\r\n"
                + "Content-Length: " + (EMAIL_CAP + 1) + "\r\n\r\n", filled(100));

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void theEmailEndpointStillReceivesMoreThanTheWebCap() {
        String text = "The fridge stopped working. ".repeat(4 * WEB_CAP / 28);
        byte[] raw = ("From: Dana <dana.big@example.com>\r\nTo: support@tikun.io\r\nSubject: Broken fridge\r\n"
                + "Message-ID: <big-" + System.nanoTime() + "@mail.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(raw.length).isGreaterThan(2 * WEB_CAP);

        given().auth().oauth2(channelToken()).contentType("message/rfc822").body(raw).post("/api/v1/channels/email")
                .then().statusCode(202);
    }
}
