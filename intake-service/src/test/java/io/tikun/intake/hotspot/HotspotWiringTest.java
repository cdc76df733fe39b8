package io.tikun.intake.hotspot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.intake.OptionalConsumersProfile;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * The running intake's hotspot topology over the real broker: complaints posted to the web endpoint by three customers
 * about one product come back as a hotspot on {@code hotspots.detected}.
 */
@QuarkusTest
@TestProfile(OptionalConsumersProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class HotspotWiringTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    KafkaStreams streams;

    @Inject
    ObjectMapper mapper;

    @Test
    void threeCustomersComplainingAboutOneProductRaiseAHotspotOnTheBroker() throws Exception {
        // The topology starts once its source topics exist, which the test broker creates at start.
        Awaitility.await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        try (KafkaTopicReader detected = new KafkaTopicReader(bootstrapServers, "hotspots.detected")) {
            List<String> ours = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ours.add(given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel")))
                        .contentType(ContentType.JSON)
                        .body("""
                                {"channel":"web","customer":{"name":"Customer %d","email":"hotspot+%s@example.com"},
                                 "subject":"Dishwasher leaking","body":"My new dishwasher leaks water onto the floor."}"""
                                .formatted(i, UUID.randomUUID()))
                        .post("/api/v1/complaints").then().statusCode(202).extract().<String> path("id"));
            }

            ConsumerRecord<String, String> record = detected.await(r -> "PRODUCT:dishwasher".equals(r.key())
                    && ours.stream().anyMatch(r.value()::contains), WAIT);
            assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("tikun.hotspot.detected");
            JsonNode hotspot = mapper.readTree(record.value());
            assertThat(KafkaTopicReader.header(record, "ce_id")).isEqualTo(hotspot.path("hotspotId").asText());
            assertThat(hotspot.at("/subject/kind").asText()).isEqualTo("PRODUCT");
            assertThat(hotspot.at("/subject/value").asText()).isEqualTo("dishwasher");
            assertThat(hotspot.path("customers").asLong()).isGreaterThanOrEqualTo(3);
            // the rate the test used: the products' weekly budget shared by the products seen, at most the configured 0.05
            assertThat(hotspot.path("falseAlarmRate").asDouble()).isPositive().isLessThanOrEqualTo(0.05);
            assertThat(hotspot.path("pValue").asDouble()).isLessThanOrEqualTo(hotspot.path("falseAlarmRate").asDouble());
            try (InputStream in = getClass().getResourceAsStream("/contracts/hotspots.detected.schema.json")) {
                assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(mapper.readTree(in))
                        .validate(hotspot)).isEmpty();
            }
        }
    }
}
