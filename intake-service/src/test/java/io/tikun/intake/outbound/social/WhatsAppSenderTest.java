package io.tikun.intake.outbound.social;

import static io.tikun.intake.outbound.social.SenderHarness.NOW;
import static io.tikun.intake.outbound.social.SenderHarness.await;
import static io.tikun.intake.outbound.social.SenderHarness.inLanguage;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class WhatsAppSenderTest {

    static final String NUMBER_ID = "106540352242922";
    static final String TOKEN = "wa-token";
    static final String CUSTOMER = "972541234567";
    static final String SUBSTANCE = "שלום מירי, הטכנאי יגיע ביום ראשון בין 10:00 ל-12:00.";

    private final AtomicInteger ids = new AtomicInteger();
    private SenderHarness harness;
    private WhatsAppSender sender;

    @BeforeEach
    void start() throws Exception {
        harness = new SenderHarness("tikun.channels.meta.graph-url",
                Map.of("tikun.channels.meta.access-tokens." + NUMBER_ID, TOKEN,
                        "tikun.channels.meta.whatsapp.templates.he.name", "tikun_case_update_he",
                        "tikun.channels.meta.whatsapp.templates.he.language", "he",
                        "tikun.channels.meta.whatsapp.templates.en.name", "tikun_case_update",
                        "tikun.channels.meta.whatsapp.templates.en.language", "en_US"),
                request -> Answer.json(200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + CUSTOMER
                        + "\",\"wa_id\":\"" + CUSTOMER + "\"}],\"messages\":[{\"id\":\"wamid.HBgM" + ids.incrementAndGet()
                        + "\"}]}"));
        sender = new WhatsAppSender(new MetaGraph(harness.http, harness.config), harness.parted(), harness.clock);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static Destination.Social whatsApp(Instant lastWrote) {
        return new Destination.Social("wa", false, NUMBER_ID, CUSTOMER, null, "wamid.in", NUMBER_ID + ":" + CUSTOMER,
                lastWrote);
    }

    @Test
    void sendsFreeTextWithinTwentyFourHoursOfTheCustomersLastMessage() {
        DeliveryOutcome outcome = await(sender.send(inLanguage(
                message("msg-1", whatsApp(NOW.minus(Duration.ofHours(23))), SUBSTANCE, null), "he")));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("wamid.HBgM1"));
        ProviderStub.Request request = harness.provider.requests().get(0);
        assertThat(request.path()).isEqualTo("/v23.0/" + NUMBER_ID + "/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.json()).isEqualTo(new JsonObject().put("messaging_product", "whatsapp")
                .put("recipient_type", "individual").put("to", CUSTOMER).put("type", "text")
                .put("text", new JsonObject().put("body", SUBSTANCE)));
    }

    @Test
    void sendsTheTemplateOfTheMessagesLanguageOutsideTheWindow() {
        String text = "שלום מירי,\n\nהטכנאי יגיע ביום ראשון.\tתודה";

        DeliveryOutcome outcome = await(sender.send(inLanguage(
                message("msg-1", whatsApp(NOW.minus(Duration.ofHours(25))), text, null), "he")));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("wamid.HBgM1"));
        JsonObject body = harness.provider.requests().get(0).json();
        assertThat(body.getString("type")).isEqualTo("template");
        assertThat(body.getString("to")).isEqualTo(CUSTOMER);
        assertThat(body.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(body.getJsonObject("template")).isEqualTo(new JsonObject().put("name", "tikun_case_update_he")
                .put("language", new JsonObject().put("code", "he"))
                .put("components", new JsonArray().add(new JsonObject().put("type", "body").put("parameters",
                        new JsonArray().add(new JsonObject().put("type", "text")
                                .put("text", "שלום מירי, — הטכנאי יגיע ביום ראשון. תודה"))))));
    }

    @Test
    void aCustomerWhoseLastMessageTimeIsUnknownGetsTheTemplate() {
        await(sender.send(message("msg-1", whatsApp(null), "Hello", null)));

        JsonObject template = harness.provider.requests().get(0).json().getJsonObject("template");
        assertThat(template.getString("name")).isEqualTo("tikun_case_update");
        assertThat(template.getJsonObject("language").getString("code")).isEqualTo("en_US");
    }

    @Test
    void aLanguageWithoutItsOwnTemplateGetsTheEnglishOne() {
        await(sender.send(inLanguage(message("msg-1", whatsApp(null), "Привет", null), "ru")));

        assertThat(harness.provider.requests().get(0).json().getJsonObject("template").getString("name"))
                .isEqualTo("tikun_case_update");
    }

    @Test
    void splitsTextLongerThanWhatsAppAllowsInOrder() {
        String text = words(1000); // about 7,900 characters

        DeliveryOutcome outcome = await(sender.send(message("msg-1", whatsApp(NOW), text, null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent("wamid.HBgM1,wamid.HBgM2"));
        var bodies = harness.provider.requests().stream()
                .map(r -> r.json().getJsonObject("text").getString("body")).toList();
        assertThat(bodies).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(WhatsAppSender.TEXT_LIMIT));
        assertThat(String.join(" ", bodies)).isEqualTo(text);
    }

    @Test
    void aRefusalIsFailedWithMetasMessageAndDetails() {
        harness.provider.thenAnswer(Answer.json(400, "{\"error\":{\"message\":\"(#131026) Message undeliverable\","
                + "\"type\":\"OAuthException\",\"code\":131026,\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"Receiver is incapable of receiving this message\"}}}"));

        DeliveryOutcome outcome = await(sender.send(message("msg-1", whatsApp(NOW), "Hello", null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("Meta answered 400: (#131026) Message undeliverable"
                + " (code 131026): Receiver is incapable of receiving this message"));
    }

    @Test
    void aNumberWithoutATokenGetsNothingSent() {
        var to = new Destination.Social("wa", false, "1", CUSTOMER, null, null, null, NOW);

        DeliveryOutcome outcome = await(sender.send(message("msg-1", to, "Hello", null)));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("no outbound configuration for WhatsApp number 1"));
        assertThat(harness.provider.requests()).isEmpty();
    }
}
