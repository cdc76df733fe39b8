package io.tikun.routing.notification;

import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.notification.WebhookReceiverResource.InjectWebhookReceiver;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = WebhookReceiverResource.class, restrictToAnnotatedClass = true)
class WebhookDeliveryTest {

    private static final Duration SEVERAL_PASSES = Duration.ofSeconds(2);
    private static final long CLOCK_SKEW_SECONDS = 60;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectWebhookReceiver
    WebhookReceiver receiver;

    private String openCriticalCase(String reference) {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, reference, "CRITICAL"));
        }
        return complaintId;
    }

    private static Map<String, Object> webhookRow(String complaintId) {
        return awaitCase(complaintId).<Map<String, Object>> getList("notifications").stream()
                .filter(n -> "webhook".equals(n.get("channel"))).findFirst().orElseThrow();
    }

    @Test
    void postsASignedSlackCompatibleMessageForASevereCase() {
        String reference = randomReference();
        String complaintId = openCriticalCase(reference);

        WebhookReceiver.Received request = await().atMost(WAIT)
                .until(() -> receiver.containing(reference), list -> !list.isEmpty()).get(0);
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.signature()).matches("v1=[0-9a-f]{64}");
        assertThat(Long.parseLong(request.timestamp()))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(CLOCK_SKEW_SECONDS));
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("text")).contains(reference).contains("CRITICAL").contains("Dana Levi");
        assertThat(body.getList("blocks.type")).containsExactly("header", "section", "section", "context");
        assertThat(body.getString("blocks[1].fields.text")).contains("+972521234567");

        await().atMost(WAIT).until(() -> "SENT".equals(webhookRow(complaintId).get("state")));
        Map<String, Object> row = webhookRow(complaintId);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("recipient")).isEqualTo(receiver.url());
        assertThat(request.notificationId()).isNotBlank();
    }

    @Test
    void retriesAReceiverThatDoesNotAnswerWithinTheTimeout() {
        String reference = randomReference();
        // Longer than the configured webhook timeout (PT2S in WebhookReceiverResource).
        receiver.stallNext(reference, 1, Duration.ofSeconds(4));
        String complaintId = openCriticalCase(reference);

        await().atMost(WAIT).until(() -> "SENT".equals(webhookRow(complaintId).get("state")));
        Map<String, Object> row = webhookRow(complaintId);
        assertThat(row.get("attempts")).isEqualTo(2);
        List<WebhookReceiver.Received> requests = receiver.containing(reference);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(1);
        assertThat(requests).extracting(WebhookReceiver.Received::notificationId)
                .containsOnly(requests.get(0).notificationId());
    }

    @Test
    void retriesAReceiverThatFailsTwiceAndDeliversOnce() {
        String reference = randomReference();
        receiver.failNext(reference, 2);
        String complaintId = openCriticalCase(reference);

        await().atMost(WAIT).until(() -> "SENT".equals(webhookRow(complaintId).get("state")));
        // More delivery passes run meanwhile; none may post the delivered notification again.
        await().during(SEVERAL_PASSES).atMost(SEVERAL_PASSES.plus(WAIT))
                .until(() -> receiver.containing(reference).size() == 3);
        List<WebhookReceiver.Received> requests = receiver.containing(reference);
        assertThat(requests).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 200);
        assertThat(requests).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(requests).extracting(WebhookReceiver.Received::notificationId)
                .containsOnly(requests.get(0).notificationId());
        Map<String, Object> row = webhookRow(complaintId);
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(row.get("state")).isEqualTo("SENT");
    }
}
