package io.tikun.intake.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tikun.stack.MongoProtocolServer;

/**
 * While MongoDB is down nothing can be stored, so nothing may be acknowledged: intake answers 503 problem+json
 * with Retry-After within seconds (not a 500, not a hang), and takes complaints again once the server is back.
 */
@QuarkusTest
@TestProfile(MongoOutageProfile.class)
class MongoOutageTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    MongoProtocolServer mongo;

    private static Response submit() {
        String email = "mongo-outage+" + UUID.randomUUID() + "@example.com";
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + email
                        + "\"},\"subject\":\"Broken heater\",\"body\":\"The heater broke again.\"}")
                .post("/api/v1/complaints");
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseIsDownAndAcceptsAgainOnceItIsBack() {
        submit().then().statusCode(202);

        mongo.stop();
        try {
            long started = System.nanoTime();
            Response refused = submit();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.jsonPath().getInt("status")).isEqualTo(503);
            assertThat(refused.jsonPath().getString("title")).isEqualTo("Service unavailable");
            assertThat(refused.asString()).doesNotContain("Exception").doesNotContain("com.mongodb");
            assertThat(took).isLessThan(ANSWER_WITHIN);
        } finally {
            mongo.restart();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> submit().statusCode() == 202);
    }
}
