package io.tikun.intake.social;

import static io.restassured.RestAssured.given;
import static io.tikun.intake.social.SocialThreadingTest.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** The X endpoint as an attacker meets it: the CRC handshake as a signing oracle, and foreign accounts. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class XWebhookSecurityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String JSON = "application/json";

    @Inject
    ComplaintRepository complaints;

    @Test
    void rejectsXDeliveryWhoseSignatureCameFromTheCrcHandshake() {
        String tweetId = fresh();
        String forged = SocialPayloads.tweet(tweetId, null, fresh(), "mallory", "Forged complaint with any text");

        Response handshake = given().queryParam("crc_token", forged).get("/api/v1/channels/x");
        assertThat(handshake.statusCode()).isEqualTo(400);
        assertThat(handshake.contentType()).startsWith(PROBLEM);
        // Whatever the handshake answered, it must not sign the forged body.
        String obtained = handshake.jsonPath().getString("response_token");
        given().header(XSignatureVerifier.SIGNATURE_HEADER, obtained == null ? "sha256=" : obtained).contentType(JSON)
                .body(forged.getBytes(StandardCharsets.UTF_8)).post("/api/v1/channels/x")
                .then().statusCode(401).contentType(PROBLEM);
        assertThat(complaints.findByIdempotencyKey("x:" + tweetId).await().indefinitely()).isNull();
    }

    @Test
    void refusesCrcTokensOutsideXsTokenAlphabetOrLength() {
        for (String token : new String[] { "{\"a\":1}", "has space", "quote\"d",
                "a".repeat(XSignatureVerifier.MAX_CRC_TOKEN_LENGTH + 1) }) {
            given().queryParam("crc_token", token).get("/api/v1/channels/x")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().queryParam("crc_token", "NDAzMTA2MzQtYjFhNy00Zjk0LWE3ZTUtYzk2YjE1OWE0YWIx_-+/=")
                .get("/api/v1/channels/x").then().statusCode(200).body("response_token", notNullValue());
    }

    @Test
    void refusesAndQuarantinesAnXDeliveryForAnAccountNotSubscribed() {
        String tweetId = fresh();
        String foreign = SocialPayloads.tweet(tweetId, null, fresh(), "someone", "For another account")
                .replace(SocialPayloads.X_ACCOUNT, "777000000000000007");

        String quarantineId = SocialPayloads.deliverX(foreign).then().statusCode(403).contentType(PROBLEM)
                .extract().path("quarantineId");

        assertThat(quarantineId).isNotBlank();
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("admin", Set.of("admin")))
                .get("/api/v1/quarantine/" + quarantineId).then().statusCode(200).body("channel", equalTo("x"));
        assertThat(complaints.findByIdempotencyKey("x:" + tweetId).await().indefinitely()).isNull();
    }
}
