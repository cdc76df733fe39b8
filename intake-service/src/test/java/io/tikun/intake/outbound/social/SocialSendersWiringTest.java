package io.tikun.intake.outbound.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.intake.outbound.ChannelSender;
import io.tikun.intake.outbound.CustomerMessageKind;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;
import io.tikun.intake.social.GenericSignatureVerifier;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;
import io.vertx.core.json.JsonObject;

/** The senders as the application builds them: beans, tokens and secrets from application.properties, MongoDB memory. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(RecordingProviderResource.class)
class SocialSendersWiringTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PAGE = "104000000000001";

    @Inject
    @Any
    Instance<ChannelSender> senders;

    @Inject
    DeliveredParts deliveredParts;

    @Inject
    Clock clock;

    RecordingProviderResource.Provider provider;

    @BeforeEach
    void clean() {
        provider.forget();
    }

    private static OutboundMessage message(String id, Destination.Social to, String text, String notice) {
        return new OutboundMessage(id, "complaint-1", "case-1", "customer-1", "TK-000042",
                CustomerMessageKind.AGENT_REPLY, false, "Dana", "en", null, text, List.of(), notice, to, 1);
    }

    private ChannelSender senderFor(Destination destination) {
        List<ChannelSender> matching = senders.stream().filter(s -> s.handles(destination)).toList();
        assertThat(matching).as("senders for %s", destination).hasSize(1);
        return matching.get(0);
    }

    @Test
    void everySocialNetworkHasExactlyOneSender() {
        Instant now = Instant.now();
        for (String network : List.of("fb", "ig", "messenger", "igdm")) {
            assertThat(senderFor(new Destination.Social(network, false, "1", "1", null, "1", "1", now)))
                    .isInstanceOf(MetaSender.class);
        }
        assertThat(senderFor(new Destination.Social("wa", false, "1", "1", null, "1", "1", now)))
                .isInstanceOf(WhatsAppSender.class);
        for (String network : List.of("x", "xdm")) {
            assertThat(senderFor(new Destination.Social(network, true, null, "1", null, "1", "1", now)))
                    .isInstanceOf(XSender.class);
        }
        assertThat(senderFor(new Destination.Social("trustpilot", true, null, "1", null, "1", "1", now)))
                .isInstanceOf(GenericNetworkSender.class);
        assertThat(deliveredParts).isInstanceOf(MongoDeliveredParts.class);
    }

    @Test
    void aRetryAfterThePublicReplyWasPostedPostsOnlyThePrivateReplyAsRememberedInMongo() {
        String messageId = "wiring-" + System.nanoTime();
        var comment = new Destination.Social("fb", true, PAGE, "5550001", null, "post1_comment9", "post1",
                clock.instant());
        ChannelSender sender = senderFor(comment);
        provider.thenAnswer(200, 503);

        DeliveryOutcome first = sender.send(message(messageId, comment, "The technician comes on Sunday.",
                "Thank you, your reference is TK-000042.")).await().atMost(WAIT);
        assertThat(first).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(provider.requests()).hasSize(2);
        assertThat(provider.requests().get(0).headers().getFirst("Authorization")).isEqualTo("Bearer test-page-token");
        assertThat(provider.requests().get(0).path()).isEqualTo("/v23.0/post1_comment9/comments");
        assertThat(deliveredParts.of(messageId).await().atMost(WAIT)).containsOnlyKeys("public-1");
        provider.forget();

        DeliveryOutcome retry = sender.send(message(messageId, comment, "The technician comes on Sunday.",
                "Thank you, your reference is TK-000042.")).await().atMost(WAIT);

        assertThat(retry).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v23.0/" + PAGE + "/messages");
            assertThat(new JsonObject(r.body()).getJsonObject("recipient").getString("comment_id"))
                    .isEqualTo("post1_comment9");
        });
        assertThat(deliveredParts.of(messageId).await().atMost(WAIT)).containsOnlyKeys("public-1", "private-1");
    }

    @Test
    void anXDirectMessageCarriesTheConfiguredUserToken() {
        var dm = new Destination.Social("xdm", false, null, "88776655", null, null, null, clock.instant());

        DeliveryOutcome outcome = senderFor(dm).send(message("x-" + System.nanoTime(), dm, "Hello", null)).await()
                .atMost(WAIT);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/2/dm_conversations/with/88776655/messages");
            assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer test-x-user-token");
        });
    }

    @Test
    void aGenericNetworkGetsABodySignedWithItsConfiguredSecret() {
        var review = new Destination.Social("trustpilot", false, null, "user-5", null, "review-7", "review-7",
                clock.instant());

        DeliveryOutcome outcome = senderFor(review).send(message("g-" + System.nanoTime(), review, "Hello", null))
                .await().atMost(WAIT);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Sent.class);
        var request = provider.requests().get(0);
        assertThat(request.path()).isEqualTo("/trustpilot/outbound");
        assertThat(new GenericSignatureVerifier(clock).isAuthentic(request.body().getBytes(StandardCharsets.UTF_8),
                request.headers().getFirst("X-Tikun-Timestamp"), request.headers().getFirst("X-Tikun-Signature"),
                "test-trustpilot-webhook-secret")).isTrue();
    }
}
