package io.tikun.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** A token is accepted only when it was issued for this service's audience, whoever signed it. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TokenAudienceTest {

    private static final String ISSUER = "https://server.example.com";
    private static final String RESOURCE = "/api/v1/cases/";

    /** Signed by the realm's own key, with the agent role, but for another client (the public CLI, say). */
    private static String agentTokenFor(String audience) {
        return Jwt.preferredUserName("avi").subject("avi").groups(Set.of("agent")).issuer(ISSUER).audience(audience)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    @Test
    void refusesAnAgentTokenIssuedForAnotherAudience() {
        given().auth().oauth2(agentTokenFor("tikun-cli")).get(RESOURCE + UUID.randomUUID()).then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }

    @Test
    void acceptsTheSameTokenIssuedForThisServicesAudience() {
        given().auth().oauth2(agentTokenFor(ISSUER)).get(RESOURCE + UUID.randomUUID()).then().statusCode(404);
    }
}
