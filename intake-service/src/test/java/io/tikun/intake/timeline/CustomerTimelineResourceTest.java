package io.tikun.intake.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class CustomerTimelineResourceTest {

    private static String channel() {
        return OidcWiremockTestResource.getAccessToken("gateway", Set.of("channel"));
    }

    private static String agent() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    private static byte[] mail(String from, String messageId, String inReplyTo, String subject, String body) {
        return ("From: Dana Levi <" + from + ">\r\nTo: support@tikun.io\r\nSubject: " + subject
                + "\r\nDate: Mon, 23 Nov 2026 09:00:00 +0200\r\nMessage-ID: <" + messageId + ">\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\n")
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryComplaintAndReplyOfTheCustomerAcrossChannelsNewestFirst() throws InterruptedException {
        String email = "timeline+" + UUID.randomUUID() + "@example.com";
        String webId = given().auth().oauth2(channel()).contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"" + email
                        + "\"},\"subject\":\"Invoice\",\"body\":\"I was charged twice\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
        String firstMail = UUID.randomUUID() + "@mail";
        given().auth().oauth2(channel()).contentType("message/rfc822")
                .body(mail(email, firstMail, null, "Heater", "The heater is broken")).post("/api/v1/channels/email")
                .then().statusCode(202);
        given().auth().oauth2(channel()).contentType("message/rfc822")
                .body(mail(email, UUID.randomUUID() + "@mail", firstMail, "Re: Heater", "Any news?"))
                .post("/api/v1/channels/email").then().statusCode(200);

        String customerId = given().auth().oauth2(agent()).get("/api/v1/complaints/" + webId).path("customer.id");
        JsonPath timeline = given().auth().oauth2(agent()).get("/api/v1/customers/" + customerId + "/timeline")
                .then().statusCode(200).extract().jsonPath();

        assertThat(timeline.getList("kind", String.class)).containsExactly("MESSAGE", "COMPLAINT", "COMPLAINT");
        assertThat(timeline.getList("channel", String.class)).containsExactly("email", "email", "web");
        assertThat(timeline.getString("[0].text")).isEqualTo("Any news?");
        List<String> at = timeline.getList("at", String.class);
        assertThat(at).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void answersAnUnknownCustomerWithNotFoundAndRefusesChannels() {
        given().auth().oauth2(agent()).get("/api/v1/customers/" + UUID.randomUUID() + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(channel()).get("/api/v1/customers/" + UUID.randomUUID() + "/timeline")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
