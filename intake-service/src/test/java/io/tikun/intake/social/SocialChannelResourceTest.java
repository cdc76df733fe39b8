package io.tikun.intake.social;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class SocialChannelResourceTest {

    private static final String META_SECRET = "test-meta-app-secret";
    private static final String X_SECRET = "test-x-consumer-secret";
    private static final String TRUSTPILOT_SECRET = "test-trustpilot-webhook-secret";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ComplaintRepository complaints;

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SocialChannelResourceTest.class.getResourceAsStream("/social/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] hmac(String secret, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static String metaSignature(byte[] body) throws GeneralSecurityException {
        return "sha256=" + HexFormat.of().formatHex(hmac(META_SECRET, body));
    }

    private static JsonPath complaint(String id) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void answersMetasSubscriptionCheckOnlyWithTheRightToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-meta-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/api/v1/channels/meta")
                .then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/api/v1/channels/meta")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void turnsASignedFacebookCommentIntoAPublicComplaintOnceAcrossRedeliveries() throws Exception {
        byte[] body = fixture("facebook-page-comment.json");
        JsonPath first = given().header("X-Hub-Signature-256", metaSignature(body)).contentType("application/json")
                .body(body).post("/api/v1/channels/meta").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("complaints.size()")).isGreaterThanOrEqualTo(1);
        assertThat(first.getBoolean("complaints[0].created")).isTrue();

        JsonPath again = given().header("X-Hub-Signature-256", metaSignature(body)).contentType("application/json")
                .body(body).post("/api/v1/channels/meta").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("complaints[0].reference")).isEqualTo(first.getString("complaints[0].reference"));
        assertThat(again.getBoolean("complaints[0].created")).isFalse();

        JsonPath stored = complaint(first.getString("complaints[0].complaintId"));
        assertThat(stored.getString("channel")).isEqualTo("meta");
        assertThat(stored.getBoolean("publicPost")).isTrue();
        assertThat(stored.getList("reasons.signal", String.class)).contains("PUBLIC_EXPOSURE");
    }

    @Test
    void refusesForgedAndUnsignedMetaDeliveriesWithoutStoringThem() throws Exception {
        byte[] body = fixture("messenger-text.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"text\"", "\"text\" ")
                .getBytes(StandardCharsets.UTF_8);

        given().header("X-Hub-Signature-256", metaSignature(body)).contentType("application/json").body(tampered)
                .post("/api/v1/channels/meta").then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body(body).post("/api/v1/channels/meta")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("X-Hub-Signature-256", "sha256=" + "0".repeat(64)).contentType("application/json").body(body)
                .post("/api/v1/channels/meta").then().statusCode(401).contentType(PROBLEM);

        // The Messenger fixture's message id, as the parser prefixes it: never stored.
        String mid = JsonPath.from(new String(body, StandardCharsets.UTF_8)).getString("entry[0].messaging[0].message.mid");
        assertThat(complaints.findByIdempotencyKey("messenger:" + mid).await().indefinitely()).isNull();
    }

    @Test
    void answersXsCrcCheckWithTheKeyedHash() throws Exception {
        String expected = "sha256=" + Base64.getEncoder()
                .encodeToString(hmac(X_SECRET, "challenge-123".getBytes(StandardCharsets.UTF_8)));
        given().queryParam("crc_token", "challenge-123").get("/api/v1/channels/x")
                .then().statusCode(200).body("response_token", equalTo(expected));
    }

    @Test
    void judgesAMentionByAWidelyFollowedAuthorHigh() throws Exception {
        byte[] body = fixture("x-mention.json");
        String signature = "sha256=" + Base64.getEncoder().encodeToString(hmac(X_SECRET, body));

        String id = given().header("x-twitter-webhooks-signature", signature).contentType("application/json").body(body)
                .post("/api/v1/channels/x").then().statusCode(200).extract().path("complaints[0].complaintId");

        JsonPath stored = complaint(id);
        assertThat(stored.getString("severity")).isIn("HIGH", "CRITICAL");
        assertThat(stored.getList("reasons.signal", String.class)).contains("PUBLIC_EXPOSURE", "WIDE_REACH");
        assertThat(stored.getLong("reach")).isEqualTo(48_210L);
        assertThat(stored.getString("body")).contains("this is a joke 🥶🚿");
    }

    @Test
    void acceptsTheGenericFormatOnlyForConfiguredNetworksWithFreshSignatures() throws Exception {
        byte[] body = fixture("generic-webhook.json");
        String now = Long.toString(Instant.now().getEpochSecond());
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(TRUSTPILOT_SECRET,
                (now + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        given().header("X-Tikun-Timestamp", now).header("X-Tikun-Signature", signature).contentType("application/json")
                .body(body).post("/api/v1/channels/webhook/trustpilot")
                .then().statusCode(200).body("complaints.reference", hasItems(notNullValue()));

        String stale = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
        String staleSignature = "sha256=" + HexFormat.of().formatHex(hmac(TRUSTPILOT_SECRET,
                (stale + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        given().header("X-Tikun-Timestamp", stale).header("X-Tikun-Signature", staleSignature)
                .contentType("application/json").body(body).post("/api/v1/channels/webhook/trustpilot")
                .then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body(body).post("/api/v1/channels/webhook/myspace")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void quarantinesASignedDeliveryItCannotRead() throws Exception {
        byte[] body = "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":42}]}]}".getBytes(StandardCharsets.UTF_8);
        given().header("X-Hub-Signature-256", metaSignature(body)).contentType("application/json").body(body)
                .post("/api/v1/channels/meta").then().statusCode(400).contentType(PROBLEM)
                .body("quarantineId", notNullValue()).body("title", containsString("Unreadable"));
    }
}
