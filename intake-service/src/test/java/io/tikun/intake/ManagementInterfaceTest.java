package io.tikun.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Health, metrics and the API description answer on the management port only, never on the public one. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ManagementInterfaceTest {

    @TestHTTPResource("/")
    URL publicRoot;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/" })
    void publicPortAnswersNotFoundForManagementEndpoints(String path) {
        given().get(path).then().statusCode(404);
    }

    @Test
    void managementPortServesPrometheusMetricsReadinessAndOpenApi() {
        assertThat(metrics.getPort()).isPositive().isNotEqualTo(publicRoot.getPort());
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).contains("# TYPE jvm_memory_used_bytes gauge");
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
        given().queryParam("format", "json").get(openApi).then().statusCode(200).body("info.title",
                equalTo("Tikun intake API"));
    }
}
