package io.tikun.intake.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Without a proxy configured, a client cannot choose the IP it is counted under by sending X-Forwarded-For. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ClientAddressTest {

    private static final String SPOOFED = "203.0.113.77";
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    @Inject
    RateLimitRepository counters;

    @Inject
    RateLimiter limiter;

    private long counted(String ip) {
        return counters.count(limiter.currentCounterId(RateLimit.CLIENT_IP, ip)).await().indefinitely();
    }

    private long countedOnLoopback() {
        return LOOPBACK.stream().mapToLong(this::counted).sum();
    }

    @Test
    void countsTheConnectionsAddressAndIgnoresAForwardedForHeaderNoProxyWasConfiguredFor() {
        long before = countedOnLoopback();

        given().header("X-Forwarded-For", SPOOFED).get("/complain?lang=en").then().statusCode(200);

        assertThat(counted(SPOOFED)).isZero();
        assertThat(countedOnLoopback()).isEqualTo(before + 1);
    }
}
