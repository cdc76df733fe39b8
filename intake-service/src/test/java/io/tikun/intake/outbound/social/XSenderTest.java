package io.tikun.intake.outbound.social;

import static io.tikun.intake.outbound.social.SenderHarness.NOW;
import static io.tikun.intake.outbound.social.SenderHarness.await;
import static io.tikun.intake.outbound.social.SenderHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.social.ProviderStub.Answer;
import io.vertx.core.json.JsonObject;

class XSenderTest {

    static final String TOKEN = "x-user-token";
    static final String CUSTOMER = "88776655";
    static final String MENTION = "1992345678901234567";
    static final String NOTICE = "Thank you, we are on it. Your reference is TK-000042. Please send us a direct message.";
    static final String SUBSTANCE = "Hello Miri, the refund of 120 NIS reaches your card within 5 business days.";

    private final AtomicInteger ids = new AtomicInteger();
    private SenderHarness harness;
    private XSender sender;

    @BeforeEach
    void start() throws Exception {
        harness = new SenderHarness("tikun.channels.x.api-url", Map.of("tikun.channels.x.access-token", TOKEN),
                request -> request.path().equals("/2/tweets")
                        ? Answer.json(201, "{\"data\":{\"id\":\"t" + ids.incrementAndGet() + "\",\"text\":\"…\"}}")
                        : Answer.json(201, "{\"data\":{\"dm_conversation_id\":\"1-2\",\"dm_event_id\":\"dm"
                                + ids.incrementAndGet() + "\"}}"));
        sender = new XSender(harness.http, harness.parted(), harness.config);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static Destination.Social mention() {
        return new Destination.Social("x", true, null, CUSTOMER, "mirikatz", MENTION, MENTION, NOW);
    }

    private static Destination.Social directMessage() {
        return new Destination.Social("xdm", false, "1460000000000000001", CUSTOMER, "mirikatz", "dm-in",
                "1460000000000000001:" + CUSTOMER, NOW);
    }

    @Test
    void sendsADirectMessageWithTheUserToken() {
        DeliveryOutcome outcome = await(sender.send(message("msg-1", directMessage(), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("dm1"));
        ProviderStub.Request request = harness.provider.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2/dm_conversations/with/" + CUSTOMER + "/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.json()).isEqualTo(new JsonObject().put("text", SUBSTANCE));
    }

    @Test
    void answersAMentionWithAPublicReplyAndTheSubstanceByDirectMessage() {
        DeliveryOutcome outcome = await(sender.send(message("msg-1", mention(), SUBSTANCE, NOTICE)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("t1,dm2"));
        var requests = harness.provider.requests();
        assertThat(requests.get(0).path()).isEqualTo("/2/tweets");
        assertThat(requests.get(0).json()).isEqualTo(new JsonObject().put("text", NOTICE)
                .put("reply", new JsonObject().put("in_reply_to_tweet_id", MENTION)));
        assertThat(requests.get(0).body()).doesNotContain("Miri", "refund");
        assertThat(requests.get(1).path()).isEqualTo("/2/dm_conversations/with/" + CUSTOMER + "/messages");
        assertThat(requests.get(1).json()).isEqualTo(new JsonObject().put("text", SUBSTANCE));
    }

    @Test
    void aPublicNoticeLongerThanATweetBecomesAThreadUnderTheMention() {
        String notice = (NOTICE + " ").repeat(4).strip(); // about 350 characters

        await(sender.send(message("msg-1", mention(), null, notice)));

        var requests = harness.provider.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(r -> assertThat(r.json().getString("text").length())
                .isLessThanOrEqualTo(XSender.TWEET_LIMIT));
        assertThat(requests.get(0).json().getJsonObject("reply").getString("in_reply_to_tweet_id")).isEqualTo(MENTION);
        assertThat(requests.get(1).json().getJsonObject("reply").getString("in_reply_to_tweet_id")).isEqualTo("t1");
    }

    @Test
    void aRetryAfterThePublicReplyWasPostedDoesNotTweetItAgain() {
        harness.provider.thenAnswer(Answer.json(201, "{\"data\":{\"id\":\"t-public\"}}"),
                Answer.withHeader(429, "Retry-After", "30",
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"));

        DeliveryOutcome first = await(sender.send(message("msg-1", mention(), SUBSTANCE, NOTICE)));
        assertThat(first).isEqualTo(new DeliveryOutcome.RetryLater(Duration.ofSeconds(30),
                "X answered 429: Too Many Requests: Too Many Requests"));
        harness.provider.forget();

        DeliveryOutcome retry = await(sender.send(message("msg-1", mention(), SUBSTANCE, NOTICE)));

        assertThat(retry).isEqualTo(new DeliveryOutcome.Sent("t-public,dm1"));
        assertThat(harness.provider.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).startsWith("/2/dm_conversations/with/"));
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsUntilXsResetTime() {
        harness.provider.thenAnswer(Answer.withHeader(429, "x-rate-limit-reset",
                Long.toString(NOW.plusSeconds(600).getEpochSecond()), "{\"title\":\"Too Many Requests\"}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", directMessage(), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater(Duration.ofMinutes(10),
                "X answered 429: Too Many Requests"));
    }

    @Test
    void aForbiddenDirectMessageIsFailedWithXsDetail() {
        harness.provider.thenAnswer(Answer.json(403, "{\"detail\":\"You are not permitted to send messages to this user.\","
                + "\"type\":\"https://api.twitter.com/2/problems/not-authorized-for-resource\",\"title\":\"Forbidden\",\"status\":403}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", directMessage(), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed(
                "X answered 403: Forbidden: You are not permitted to send messages to this user."));
    }

    @Test
    void serviceUnavailableIsRetriedLater() {
        harness.provider.thenAnswer(Answer.json(503, "{\"title\":\"Service Unavailable\"}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", directMessage(), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater(null, "X answered 503: Service Unavailable"));
    }

    @Test
    void withoutAnAccessTokenNothingIsSent() throws Exception {
        XSender unconfigured = new XSender(harness.http, harness.parted(),
                SenderHarness.configFrom(Map.of("tikun.channels.x.api-url", harness.provider.url())));

        DeliveryOutcome outcome = await(unconfigured.send(message("msg-1", directMessage(), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("no outbound configuration for X (no access token)"));
        assertThat(harness.provider.requests()).isEmpty();
    }

    @Test
    void handlesTweetsAndDirectMessagesOnly() {
        assertThat(sender.handles(mention())).isTrue();
        assertThat(sender.handles(directMessage())).isTrue();
        assertThat(sender.handles(new Destination.Social("fb", true, "1", "1", null, "1", null, NOW))).isFalse();
        assertThat(sender.handles(new Destination.Email("a@b.c", null, "s", null, java.util.List.of()))).isFalse();
    }
}
