package io.tikun.intake.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTopicReader;

/**
 * A broker outage must not take intake out of service: the outbox keeps accepting complaints and publishes them
 * once the broker is back, so readiness stays UP (behind a Kubernetes Service, DOWN would refuse complaints).
 */
@QuarkusTest
@TestProfile(KafkaOutageProfile.class)
class KafkaOutageTest {

    private static final Duration OUTAGE_WATCH = Duration.ofSeconds(12);

    RestartableKafkaTestResource.BrokerSwitch broker;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readinessUrl;

    @TestHTTPResource(value = "/health/live", management = true)
    URL livenessUrl;

    @TestHTTPResource(value = "/health/well", management = true)
    URL wellnessUrl;

    private int readiness() {
        return given().get(readinessUrl).statusCode();
    }

    private JsonPath outboxHealth() {
        return given().get(wellnessUrl).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void staysReadyAndKeepsAcceptingComplaintsWhileTheBrokerIsDownThenPublishesThem() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);

        broker.stop();
        String email = "outage+" + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + email
                        + "\"},\"subject\":\"Broken heater\",\"body\":\"The heater broke again.\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");

        // For the whole outage the instance stays ready to take complaints ...
        await().during(OUTAGE_WATCH).atMost(OUTAGE_WATCH.plusSeconds(5)).until(() -> readiness() == 200);
        given().get(livenessUrl).then().statusCode(200);
        // ... while the complaint waits in the outbox, visible in the wellness check (which never decides readiness).
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxHealth().getInt(
                "checks.find { it.name == 'outbox' }.data.backlog") >= 1);

        broker.start();
        try (KafkaTopicReader topic = new KafkaTopicReader(broker.bootstrapServers(), "complaints.received")) {
            var received = topic.await(r -> r.value().contains(id), Duration.ofSeconds(90));
            assertThat(received.value()).contains("Broken heater");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(wellnessUrl).then()
                .body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0))
                .body("checks.find { it.name == 'outbox' }.data.brokerLastAcknowledged", org.hamcrest.Matchers
                        .not(equalTo("never"))));
        assertThat(readiness()).isEqualTo(200);
    }
}
