package io.tikun.intake.quarantine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class QuarantineResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int WEB_LIMIT = 65_536;

    @Inject
    QuarantineRepository quarantine;

    private static String channelToken() {
        return OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel"));
    }

    private static String adminToken() {
        return OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
    }

    private static String postRejected(String contentType, byte[] body, int status) {
        return given().auth().oauth2(channelToken()).contentType(contentType).body(body).post("/api/v1/complaints")
                .then().statusCode(status).contentType(PROBLEM).body("quarantineId", notNullValue())
                .extract().path("quarantineId");
    }

    @Test
    void keepsAMalformedSubmissionRawForAdmins() {
        String raw = "{\"customer\": {\"name\": \"דנה\", \"email\": \"dana@example.com\"}, \"subject\": " + UUID.randomUUID();
        String id = postRejected("application/json", raw.getBytes(StandardCharsets.UTF_8), 400);

        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + id).then().statusCode(200)
                .body("channel", equalTo("web"))
                .body("status", equalTo("HELD"))
                .body("reason", containsString("Malformed request body"))
                .body("contentType", containsString("application/json"))
                .body("sizeBytes", equalTo(raw.getBytes(StandardCharsets.UTF_8).length));
        byte[] kept = given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + id + "/raw")
                .then().statusCode(200).extract().asByteArray();
        assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo(raw);
    }

    @Test
    void keepsInvalidFieldsAndUnsupportedMediaAndRefusesOversizedBodiesUnread() {
        String invalid = postRejected("application/json",
                "{\"customer\":{\"name\":\"x\",\"email\":\"nope\"},\"subject\":\"s\",\"body\":\"b\"}"
                        .getBytes(StandardCharsets.UTF_8),
                400);
        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + invalid).then().statusCode(200)
                .body("reason", containsString("customer.email"));

        postRejected("text/plain", "my heater broke".getBytes(StandardCharsets.UTF_8), 415);

        // Over the cap the body is refused before it is read (BodyLimitFilter): nothing of it exists to keep.
        byte[] huge = new byte[WEB_LIMIT + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        given().auth().oauth2(channelToken()).contentType("application/json").body(huge).post("/api/v1/complaints")
                .then().statusCode(413).contentType(PROBLEM).body("quarantineId", nullValue());
    }

    @Test
    void replayingAPayloadThatIsStillBrokenKeepsItHeldWithTheError() {
        String id = postRejected("application/json", "{oops".getBytes(StandardCharsets.UTF_8), 400);

        given().auth().oauth2(adminToken()).post("/api/v1/quarantine/" + id + "/replay")
                .then().statusCode(400).contentType(PROBLEM);

        given().auth().oauth2(adminToken()).get("/api/v1/quarantine/" + id).then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("replayAttempts", equalTo(1))
                .body("lastReplayError", containsString("Malformed"));
    }

    @Test
    void replaysAPayloadRejectedBeforeAFixIntoAComplaint() {
        // As if an earlier version had wrongly refused this valid submission.
        String body = "{\"channel\":\"web\",\"customer\":{\"name\":\"Avi\",\"email\":\"avi+" + UUID.randomUUID()
                + "@example.com\"},\"subject\":\"Refund\",\"body\":\"Still waiting for my refund\"}";
        String id = quarantine.keep("web", "/api/v1/complaints", "application/json", Map.of(),
                body.getBytes(StandardCharsets.UTF_8), "rejected by a bug", Instant.now()).await().indefinitely();

        String reference = given().auth().oauth2(adminToken()).post("/api/v1/quarantine/" + id + "/replay")
                .then().statusCode(200).body("status", equalTo("REPLAYED"))
                .body("replayedAs", matchesPattern("TK-\\d{6,}")).extract().path("replayedAs");

        given().auth().oauth2(adminToken()).post("/api/v1/quarantine/" + id + "/replay")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(reference));
    }

    @Test
    void onlyAdminsSeeTheQuarantine() {
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/quarantine").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(adminToken()).get("/api/v1/quarantine?size=5").then().statusCode(200)
                .contentType(ContentType.JSON);
        given().auth().oauth2(adminToken()).get("/api/v1/quarantine?size=5000").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void refusesBadListingParametersWithAProblemNamingThem() {
        for (String[] bad : new String[][] { { "status", "NOPE" }, { "page", "abc" }, { "page", "-1" }, { "size", "many" },
                { "size", "0" } }) {
            given().auth().oauth2(adminToken()).queryParam(bad[0], bad[1]).get("/api/v1/quarantine")
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(bad[0]));
        }
        given().auth().oauth2(adminToken()).queryParam("status", "REPLAYED").queryParam("page", "2")
                .get("/api/v1/quarantine").then().statusCode(200);
    }
}
