package io.tikun.intake.outbound.social;

import static io.tikun.intake.outbound.social.SenderHarness.NOW;
import static io.tikun.intake.outbound.social.SenderHarness.await;
import static io.tikun.intake.outbound.social.SenderHarness.message;
import static io.tikun.intake.outbound.social.SenderHarness.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.social.ProviderStub.Answer;
import io.vertx.core.json.JsonObject;

class MetaSenderTest {

    static final String PAGE = "104000000000001";
    static final String IG_ACCOUNT = "178400000000002";
    static final String PAGE_TOKEN = "page-token-1";
    static final String IG_TOKEN = "ig-token-2";
    static final String NOTICE = "Thank you, we are on it. Your reference is TK-000042. Please send us a direct message.";
    static final String SUBSTANCE = "Hello Miri, the technician comes on Sunday between 10:00 and 12:00.";

    private final AtomicInteger ids = new AtomicInteger();
    private SenderHarness harness;
    private MetaSender sender;

    @BeforeEach
    void start() throws Exception {
        harness = new SenderHarness("tikun.channels.meta.graph-url",
                Map.of("tikun.channels.meta.access-tokens." + PAGE, PAGE_TOKEN,
                        "tikun.channels.meta.access-tokens." + IG_ACCOUNT, IG_TOKEN,
                        "tikun.channels.meta.instagram-account-id", IG_ACCOUNT),
                request -> request.path().endsWith("/messages")
                        ? Answer.json(200, "{\"recipient_id\":\"1254\",\"message_id\":\"m_" + ids.incrementAndGet() + "\"}")
                        : Answer.json(200, "{\"id\":\"" + PAGE + "_c" + ids.incrementAndGet() + "\"}"));
        sender = new MetaSender(new MetaGraph(harness.http, harness.config), harness.parted(), harness.clock);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static Destination.Social messenger(Instant lastWrote) {
        return new Destination.Social("messenger", false, PAGE, "6789012345", null, "m_in", PAGE + ":6789012345",
                lastWrote);
    }

    private static Destination.Social facebookComment() {
        return new Destination.Social("fb", true, PAGE, "5550001", null, "post1_comment9", "post1", NOW);
    }

    @Test
    void handlesFacebookInstagramAndMessengerButNotWhatsAppOrX() {
        assertThat(sender.handles(messenger(NOW))).isTrue();
        assertThat(sender.handles(facebookComment())).isTrue();
        assertThat(sender.handles(new Destination.Social("igdm", false, IG_ACCOUNT, "1", null, null, null, NOW))).isTrue();
        assertThat(sender.handles(new Destination.Social("wa", false, "1", "1", null, null, null, NOW))).isFalse();
        assertThat(sender.handles(new Destination.Social("x", true, null, "1", null, "1", null, NOW))).isFalse();
    }

    @Test
    void sendsAMessengerTextAsAResponseWithThePagesToken() {
        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW.minusSeconds(3600)), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("m_1"));
        ProviderStub.Request request = harness.provider.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v23.0/" + PAGE + "/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.json()).isEqualTo(new JsonObject().put("recipient", new JsonObject().put("id", "6789012345"))
                .put("messaging_type", "RESPONSE").put("message", new JsonObject().put("text", SUBSTANCE)));
    }

    @Test
    void answersMessengerAfterTheStandardWindowWithTheHumanAgentTag() {
        await(sender.send(message("msg-1", messenger(NOW.minus(Duration.ofHours(30))), SUBSTANCE, null)));

        JsonObject body = harness.provider.requests().get(0).json();
        assertThat(body.getString("messaging_type")).isEqualTo("MESSAGE_TAG");
        assertThat(body.getString("tag")).isEqualTo("HUMAN_AGENT");
    }

    @Test
    void sendsAnInstagramDirectMessageFromTheAccountThatReceivedIt() {
        var to = new Destination.Social("igdm", false, IG_ACCOUNT, "IGSID-77", null, "aWdfZAG", IG_ACCOUNT + ":IGSID-77",
                NOW.minusSeconds(60));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", to, SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("m_1"));
        ProviderStub.Request request = harness.provider.requests().get(0);
        assertThat(request.path()).isEqualTo("/v23.0/" + IG_ACCOUNT + "/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + IG_TOKEN);
        assertThat(request.json()).isEqualTo(new JsonObject().put("recipient", new JsonObject().put("id", "IGSID-77"))
                .put("message", new JsonObject().put("text", SUBSTANCE)));
    }

    @Test
    void answersAFacebookCommentWithThePublicNoticeUnderItAndTheSubstanceAsAPrivateReply() {
        DeliveryOutcome outcome = await(sender.send(message("msg-1", facebookComment(), SUBSTANCE, NOTICE)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent(PAGE + "_c1,m_2"));
        var requests = harness.provider.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path()).isEqualTo("/v23.0/post1_comment9/comments");
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
        assertThat(requests.get(0).json()).isEqualTo(new JsonObject().put("message", NOTICE));
        assertThat(requests.get(0).body()).doesNotContain("Miri", "technician");
        assertThat(requests.get(1).path()).isEqualTo("/v23.0/" + PAGE + "/messages");
        assertThat(requests.get(1).json())
                .isEqualTo(new JsonObject().put("recipient", new JsonObject().put("comment_id", "post1_comment9"))
                        .put("message", new JsonObject().put("text", SUBSTANCE)));
    }

    @Test
    void answersAnInstagramCommentWithAReplyAndAPrivateReplyFromTheConfiguredAccount() {
        var to = new Destination.Social("ig", true, null, "IGSID-77", "mirikatz", "17858893269000001", "17895695668004550",
                NOW);

        DeliveryOutcome outcome = await(sender.send(message("msg-1", to, SUBSTANCE, NOTICE)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Sent.class);
        var requests = harness.provider.requests();
        assertThat(requests.get(0).path()).isEqualTo("/v23.0/17858893269000001/replies");
        assertThat(requests.get(0).header("Authorization")).isEqualTo("Bearer " + IG_TOKEN);
        assertThat(requests.get(0).json()).isEqualTo(new JsonObject().put("message", NOTICE));
        assertThat(requests.get(1).path()).isEqualTo("/v23.0/" + IG_ACCOUNT + "/messages");
        assertThat(requests.get(1).json().getJsonObject("recipient").getString("comment_id"))
                .isEqualTo("17858893269000001");
        assertThat(requests.get(1).json().getJsonObject("message").getString("text")).isEqualTo(SUBSTANCE);
    }

    @Test
    void splitsALongMessengerTextIntoOrderedPartsBetweenWords() {
        String text = words(700); // about 5,300 characters

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), text, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("m_1,m_2,m_3"));
        var texts = harness.provider.requests().stream()
                .map(r -> r.json().getJsonObject("message").getString("text")).toList();
        assertThat(texts).hasSize(3).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(MetaSender.MESSENGER_LIMIT));
        assertThat(String.join(" ", texts)).isEqualTo(text);
    }

    @Test
    void aLongSubstanceOnACommentGoesAsTheOnePrivateReplyMetaAllowsShortenedBetweenWords() {
        String text = words(400);

        await(sender.send(message("msg-1", facebookComment(), text, NOTICE)));

        var requests = harness.provider.requests();
        assertThat(requests).hasSize(2);
        String sent = requests.get(1).json().getJsonObject("message").getString("text");
        assertThat(sent).hasSizeLessThanOrEqualTo(MetaSender.MESSENGER_LIMIT).endsWith("…");
        assertThat(text).startsWith(sent.substring(0, sent.length() - 1) + " ");
    }

    @Test
    void aRefusalIsFailedWithMetasMessageAndCode() {
        harness.provider.thenAnswer(Answer.json(400,
                "{\"error\":{\"message\":\"(#100) The parameter recipient is required\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"AbC\"}}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).reason()).contains("400")
                .contains("(#100) The parameter recipient is required").contains("code 100");
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheSecondsMetaGives() {
        harness.provider.thenAnswer(Answer.withHeader(429, "Retry-After", "120",
                "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"code\":613}}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(((DeliveryOutcome.RetryLater) outcome).after()).isEqualTo(Duration.ofSeconds(120));
        assertThat(((DeliveryOutcome.RetryLater) outcome).reason()).contains("rate limit");
    }

    @Test
    void aThrottlingCodeIn400IsRetriedNotGivenUp() {
        harness.provider.thenAnswer(Answer.json(400,
                "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"code\":4,\"is_transient\":true}}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
    }

    @Test
    void serviceUnavailableIsRetriedAfterTheHttpDateGiven() {
        harness.provider.thenAnswer(Answer.withHeader(503, "Retry-After", "Sun, 22 Nov 2026 10:01:30 GMT", null));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater(Duration.ofSeconds(90),
                "Meta answered 503: Service Unavailable"));
    }

    @Test
    void serviceUnavailableWithoutRetryAfterLeavesTheBackoffToTheGateway() {
        harness.provider
                .thenAnswer(Answer.json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(((DeliveryOutcome.RetryLater) outcome).after()).isNull();
    }

    @Test
    void aRetryAfterThePublicReplyWasPostedSendsOnlyThePrivateReply() {
        harness.provider.thenAnswer(Answer.json(200, "{\"id\":\"c-public\"}"), Answer.json(503, "{}"));

        DeliveryOutcome first = await(sender.send(message("msg-1", facebookComment(), SUBSTANCE, NOTICE)));
        assertThat(first).isInstanceOf(DeliveryOutcome.RetryLater.class);
        harness.provider.forget();

        DeliveryOutcome retry = await(sender.send(message("msg-1", facebookComment(), SUBSTANCE, NOTICE)));

        assertThat(retry).isEqualTo(new DeliveryOutcome.Sent("c-public,m_1"));
        assertThat(harness.provider.requests()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/v23.0/" + PAGE + "/messages"));
    }

    @Test
    void aPageWithoutATokenGetsNothingSent() {
        var to = new Destination.Social("messenger", false, "999", "6789012345", null, null, null, NOW);

        DeliveryOutcome outcome = await(sender.send(message("msg-1", to, SUBSTANCE, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("no outbound configuration for messenger account 999"));
        assertThat(harness.provider.requests()).isEmpty();
    }

    @Test
    void aProviderThatNeverAnswersIsRetriedLater() {
        harness.provider.thenAnswer(Answer.silence());

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(((DeliveryOutcome.RetryLater) outcome).reason()).contains("timed out");
    }

    @Test
    void aRefusedConnectionIsRetriedLater() throws Exception {
        harness.provider.close();

        DeliveryOutcome outcome = await(sender.send(message("msg-1", messenger(NOW), SUBSTANCE, null)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(((DeliveryOutcome.RetryLater) outcome).reason()).contains("refused");
    }
}
