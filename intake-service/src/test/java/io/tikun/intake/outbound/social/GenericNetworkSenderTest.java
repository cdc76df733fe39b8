package io.tikun.intake.outbound.social;

import static io.tikun.intake.outbound.social.SenderHarness.NOW;
import static io.tikun.intake.outbound.social.SenderHarness.await;
import static io.tikun.intake.outbound.social.SenderHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.social.ProviderStub.Answer;
import io.tikun.intake.social.GenericSignatureVerifier;

class GenericNetworkSenderTest {

    static final String SECRET = "trustpilot-shared-secret";
    static final String NOTICE = "Thank you, your reference is TK-000042. Please write to us privately.";
    static final String SUBSTANCE = "Hello Miri, the replacement ships tomorrow.";

    private SenderHarness harness;
    private GenericNetworkSender sender;

    @BeforeEach
    void start() throws Exception {
        harness = new SenderHarness("tikun.channels.webhook.outbound-urls.trustpilot",
                Map.of("tikun.channels.webhook.secrets.trustpilot", SECRET),
                request -> Answer.json(202, "{\"id\":\"tp-1\"}"));
        sender = new GenericNetworkSender(harness.http, harness.config, harness.clock);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static Destination.Social review() {
        return new Destination.Social("trustpilot", true, "acme", "user-5", "miri", "review-77", "review-77", NOW);
    }

    @Test
    void postsASignedBodyTheBridgeVerifiesWithTheSharedSecret() {
        DeliveryOutcome outcome = await(sender.send(message("msg-1", review(), SUBSTANCE, NOTICE)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("tp-1"));
        ProviderStub.Request request = harness.provider.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Idempotency-Key")).isEqualTo("msg-1");
        assertThat(request.header("X-Tikun-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.header("X-Tikun-Signature")).matches("sha256=[0-9a-f]{64}");
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        GenericSignatureVerifier verifier = new GenericSignatureVerifier(harness.clock);
        assertThat(verifier.isAuthentic(body, request.header("X-Tikun-Timestamp"), request.header("X-Tikun-Signature"),
                SECRET)).isTrue();
        assertThat(verifier.isAuthentic(body, request.header("X-Tikun-Timestamp"), request.header("X-Tikun-Signature"),
                "another-secret")).isFalse();
        var json = request.json();
        assertThat(json.getString("messageId")).isEqualTo("msg-1");
        assertThat(json.getString("network")).isEqualTo("trustpilot");
        assertThat(json.getBoolean("public")).isTrue();
        assertThat(json.getString("publicNotice")).isEqualTo(NOTICE);
        assertThat(json.getString("text")).isEqualTo(SUBSTANCE);
        assertThat(json.getString("inReplyTo")).isEqualTo("review-77");
        assertThat(json.getJsonObject("recipient").getString("id")).isEqualTo("user-5");
    }

    @Test
    void aRetrySendsTheSameBodyAndIdempotencyKey() {
        harness.provider.thenAnswer(Answer.json(503, "{\"title\":\"busy\"}"));

        DeliveryOutcome first = await(sender.send(message("msg-1", review(), SUBSTANCE, NOTICE)));
        DeliveryOutcome second = await(sender.send(message("msg-1", review(), SUBSTANCE, NOTICE)));

        assertThat(first).isEqualTo(new DeliveryOutcome.RetryLater(null, "webhook trustpilot answered 503: busy"));
        assertThat(second).isEqualTo(new DeliveryOutcome.Sent("tp-1"));
        var requests = harness.provider.requests();
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(requests.get(1).header("Idempotency-Key")).isEqualTo(requests.get(0).header("Idempotency-Key"));
    }

    @Test
    void aRefusalIsFailedWithTheBridgesDetail() {
        harness.provider.thenAnswer(Answer.json(422, "{\"title\":\"Unprocessable\",\"detail\":\"review is closed\"}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", review(), SUBSTANCE, NOTICE)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("webhook trustpilot answered 422: review is closed"));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheGivenSeconds() {
        harness.provider.thenAnswer(Answer.withHeader(429, "Retry-After", "7", null));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", review(), SUBSTANCE, NOTICE)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(((DeliveryOutcome.RetryLater) outcome).after()).hasSeconds(7);
    }

    @Test
    void aNetworkWithoutAnOutboundUrlGetsNothingSent() {
        var to = new Destination.Social("tiktok", false, null, "u1", null, null, "c1", NOW);

        DeliveryOutcome outcome = await(sender.send(message("msg-1", to, SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("no outbound configuration for network tiktok"));
        assertThat(harness.provider.requests()).isEmpty();
    }

    @Test
    void handlesEveryNetworkButTheBuiltInOnes() {
        assertThat(sender.handles(review())).isTrue();
        for (String builtIn : new String[] { "fb", "ig", "messenger", "igdm", "wa", "x", "xdm" }) {
            assertThat(sender.handles(new Destination.Social(builtIn, false, "1", "1", null, null, null, NOW)))
                    .as(builtIn).isFalse();
        }
    }
}
