package io.tikun.intake.social;

import static io.restassured.RestAssured.given;
import static io.tikun.intake.social.SocialThreadingTest.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class SocialQuarantineTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String TRUSTPILOT_SECRET = "test-trustpilot-webhook-secret";

    @Inject
    QuarantineRepository quarantine;

    @Inject
    ComplaintRepository complaints;

    @ConfigProperty(name = "tikun.channels.max-body-bytes")
    int maxBodyBytes;

    private static String adminToken() {
        return OidcWiremockTestResource.getAccessToken("admin", Set.of("admin"));
    }

    private static io.restassured.response.Response replay(String id) {
        return given().auth().oauth2(adminToken()).post("/api/v1/quarantine/" + id + "/replay");
    }

    /** As the channel kept it when it could not process the delivery: raw bytes and the signature headers. */
    private String kept(String channel, String endpoint, Map<String, String> headers, byte[] body) {
        return quarantine.keep(channel, endpoint, JSON, headers, body, "Unreadable webhook: (before a fix)",
                Instant.now()).await().indefinitely();
    }

    @Test
    void keepsTheSignatureWithAnUnreadableDeliveryAndReplaysNothingWhileItStaysUnreadable() {
        byte[] body = "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":42}]}]}".getBytes(StandardCharsets.UTF_8);
        String signature = SocialPayloads.metaSignature(body);
        String id = given().header(MetaSignatureVerifier.SIGNATURE_HEADER, signature).contentType(JSON).body(body)
                .post("/api/v1/channels/meta").then().statusCode(400).contentType(PROBLEM)
                .extract().path("quarantineId");

        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + id).then().statusCode(200)
                .body("channel", equalTo("meta")).body("headers.X-Hub-Signature-256", equalTo(signature));
        replay(id).then().statusCode(400).contentType(PROBLEM).body("title", containsString("Unreadable"));
        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + id).then().statusCode(200)
                .body("status", equalTo("HELD")).body("replayAttempts", equalTo(1))
                .body("lastReplayError", containsString("/entry/0"));
    }

    @Test
    void replaysSignedMetaXAndGenericPayloadsIntoComplaints() {
        String mid = "m_" + fresh();
        byte[] messenger = SocialPayloads.messenger(fresh(), mid, "Replayed after the fix.", 1763866800456L)
                .getBytes(StandardCharsets.UTF_8);
        String metaId = kept("meta", "/api/v1/channels/meta",
                Map.of(MetaSignatureVerifier.SIGNATURE_HEADER, SocialPayloads.metaSignature(messenger)), messenger);
        String reference = replay(metaId).then().statusCode(200).body("status", equalTo("REPLAYED"))
                .body("replayedAs", matchesPattern("TK-\\d{6,}")).extract().path("replayedAs");
        assertThat(complaints.findByIdempotencyKey("messenger:" + mid).await().indefinitely().reference())
                .isEqualTo(reference);
        replay(metaId).then().statusCode(409).contentType(PROBLEM);

        byte[] dm = SocialPayloads.xDirectMessage(fresh(), fresh(), "Replayed DM.").getBytes(StandardCharsets.UTF_8);
        String xId = kept("x", "/api/v1/channels/x", Map.of(XSignatureVerifier.SIGNATURE_HEADER,
                SocialPayloads.xSignature(dm)), dm);
        replay(xId).then().statusCode(200).body("replayedAs", matchesPattern("TK-\\d{6,}"));

        // Signed an hour ago, when it was delivered: the timestamp is checked against the delivery, not the replay.
        Instant deliveredAt = Instant.now().minusSeconds(3600);
        String timestamp = Long.toString(deliveredAt.getEpochSecond());
        byte[] generic = ("{\"messageId\":\"" + fresh() + "\",\"conversationId\":\"t-1\",\"author\":{\"id\":\"u-1\"},"
                + "\"text\":\"Replayed review.\",\"public\":true,\"sentAt\":\"2026-11-23T03:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + SocialFixtures.hex(SocialFixtures.hmacSha256(TRUSTPILOT_SECRET,
                SocialFixtures.concat(SocialFixtures.utf8(timestamp + "."), generic)));
        String genericId = quarantine.keep("webhook", "/api/v1/channels/webhook/trustpilot", JSON,
                Map.of(GenericSignatureVerifier.TIMESTAMP_HEADER, timestamp, GenericSignatureVerifier.SIGNATURE_HEADER,
                        signature),
                generic, "Unreadable webhook: (before a fix)", deliveredAt).await().indefinitely();
        replay(genericId).then().statusCode(200).body("replayedAs", matchesPattern("TK-\\d{6,}"));
    }

    @Test
    void neverTurnsAPayloadWithAForgedOrMissingSignatureIntoAComplaint() {
        String mid = "m_" + fresh();
        byte[] body = SocialPayloads.messenger(fresh(), mid, "Injected without a signature.", 1763866800456L)
                .getBytes(StandardCharsets.UTF_8);
        String forged = kept("meta", "/api/v1/channels/meta",
                Map.of(MetaSignatureVerifier.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)), body);
        String unsigned = kept("meta", "/api/v1/channels/meta", Map.of(), body);
        byte[] tweet = SocialPayloads.tweet(fresh(), null, fresh(), "someone", "Forged tweet")
                .getBytes(StandardCharsets.UTF_8);
        String forgedX = kept("x", "/api/v1/channels/x",
                Map.of(XSignatureVerifier.SIGNATURE_HEADER, SocialPayloads.metaSignature(tweet)), tweet);

        for (String id : new String[] { forged, unsigned, forgedX }) {
            replay(id).then().statusCode(409).contentType(PROBLEM).body("title", equalTo("Unverified payload"))
                    .body("detail", containsString("signature"));
            given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + id).then().statusCode(200)
                    .body("status", equalTo("HELD")).body("lastReplayError", containsString("Unverified payload"));
        }
        assertThat(complaints.findByIdempotencyKey("messenger:" + mid).await().indefinitely()).isNull();
    }

    @Test
    void refusesASignedBodyOverTheCapWith413AndKeepsIt() {
        String padding = " ".repeat(maxBodyBytes);
        byte[] body = (SocialPayloads.messenger(fresh(), "m_" + fresh(), "Huge.", 1763866800456L) + padding)
                .getBytes(StandardCharsets.UTF_8);

        JsonPath problem = given().header(MetaSignatureVerifier.SIGNATURE_HEADER, SocialPayloads.metaSignature(body))
                .contentType(JSON).body(body).post("/api/v1/channels/meta").then().statusCode(413).contentType(PROBLEM)
                .body("quarantineId", notNullValue()).body("title", equalTo("Payload too large"))
                .extract().jsonPath();

        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + problem.getString("quarantineId")).then()
                .statusCode(200).body("sizeBytes", equalTo(body.length)).body("truncated", equalTo(false))
                .body("reason", containsString("at most " + maxBodyBytes));
        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + problem.getString("quarantineId") + "/raw")
                .then().statusCode(200).body(notNullValue());
    }

    @Test
    void refusesAnUnsignedBodyOverTheCapWithoutKeepingIt() {
        byte[] body = ("{\"object\":\"page\",\"entry\":[]}" + " ".repeat(maxBodyBytes)).getBytes(StandardCharsets.UTF_8);
        given().contentType(JSON).body(body).post("/api/v1/channels/meta").then().statusCode(401).contentType(PROBLEM)
                .body("quarantineId", org.hamcrest.Matchers.nullValue());
    }
}
