package io.tikun.intake.acknowledgement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class AcknowledgementTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectMailSandbox
    MailSandbox mail;

    private static String channel() {
        return OidcWiremockTestResource.getAccessToken("gateway", Set.of("channel"));
    }

    private static String submit(String email, String subject, String body) {
        return given().auth().oauth2(channel()).contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + email + "\"},\"subject\":\""
                        + subject + "\",\"body\":\"" + body + "\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("reference");
    }

    @Test
    void acknowledgesAWebComplaintWithTheReferenceAndWhenTheCustomerWillHearBack() {
        String email = "ack+" + UUID.randomUUID() + "@example.com";
        String reference = submit(email, "Late delivery", "My parcel is late.");

        CapturedMail ack = mail.await(m -> m.isTo(email), WAIT);
        assertThat(ack.subject()).startsWith("[" + reference + "]").contains("Late delivery");
        assertThat(ack.text()).contains(reference).contains("You will hear from us by").contains("customer care");
        assertThat(ack.header("Auto-Submitted")).isEqualTo("auto-replied");
    }

    @Test
    void acknowledgesInHebrewWhenTheCustomerWroteHebrew() {
        String email = "ack-he+" + UUID.randomUUID() + "@example.co.il";
        String reference = submit(email, "המזגן לא עובד", "אני אתבע אתכם");

        CapturedMail ack = mail.await(m -> m.isTo(email), WAIT);
        assertThat(ack.subject()).contains("קיבלנו את פנייתך");
        assertThat(ack.text()).contains(reference).contains("מנהל השירות מטפל בפנייה באופן אישי");
    }

    @Test
    void answersAnEmailInItsThreadAndNeverAcknowledgesAutomatedMail() {
        String email = "thread+" + UUID.randomUUID() + "@example.com";
        String messageId = UUID.randomUUID() + "@mail.example.com";
        byte[] raw = ("From: Dana <" + email + ">\r\nTo: support@tikun.io\r\nSubject: Broken fridge\r\n"
                + "Message-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "The fridge stopped working.\r\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(channel()).contentType("message/rfc822").body(raw).post("/api/v1/channels/email")
                .then().statusCode(202);

        CapturedMail ack = mail.await(m -> m.isTo(email), WAIT);
        assertThat(ack.header("In-Reply-To")).isEqualTo("<" + messageId + ">");

        String robot = "robot+" + UUID.randomUUID() + "@example.com";
        byte[] autoReply = ("From: <" + robot + ">\r\nTo: support@tikun.io\r\nSubject: Automatic reply: Broken fridge\r\n"
                + "Auto-Submitted: auto-replied\r\nMessage-ID: <" + UUID.randomUUID() + "@x>\r\n"
                + "Content-Type: text/plain\r\n\r\nI am out of the office.\r\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(channel()).contentType("message/rfc822").body(autoReply).post("/api/v1/channels/email")
                .then().statusCode(200);
        // The web complaint submitted after it is acknowledged; by then the auto-reply would have been too.
        String later = "later+" + UUID.randomUUID() + "@example.com";
        submit(later, "Another", "Another problem");
        mail.await(m -> m.isTo(later), WAIT);
        assertThat(mail.messages()).noneMatch(m -> m.isTo(robot));
    }

    @Test
    void aReplyToTheAcknowledgementJoinsItsComplaintWhateverItsSubjectSays() {
        String email = "reply+" + UUID.randomUUID() + "@example.com";
        String reference = submit(email, "Broken heater", "The heater is broken.");
        CapturedMail ack = mail.await(m -> m.isTo(email), WAIT);
        String ackId = ack.header("Message-ID");
        assertThat(ackId).matches("<ack\\.[0-9a-f-]{36}@tikun\\.local>");

        // The customer's mail client answers the acknowledgement; the customer rewrote the subject, losing the reference.
        byte[] reply = ("From: Dana Levi <" + email + ">\r\nTo: tikun@tikun.local\r\nSubject: still cold at home\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nIn-Reply-To: " + ackId + "\r\n"
                + "References: " + ackId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Nobody came yet.\r\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(channel()).contentType("message/rfc822").body(reply).post("/api/v1/channels/email")
                .then().statusCode(200).body("outcome", equalTo("THREADED")).body("reference", equalTo(reference));
    }
}
