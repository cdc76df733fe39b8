package io.tikun.intake.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.intake.outbound.OutboundConfig;
import io.tikun.intake.social.ChannelsConfig;
import io.tikun.intake.social.GenericSignatureVerifier;

class ProbeComposerTest {

    private static final Instant SENT = Instant.parse("2026-11-23T08:00:00.120Z");
    private static final String SECRET = "probe-network-secret";
    private final ObjectMapper mapper = new ObjectMapper();

    static Map<String, String> settings(String language) {
        Map<String, String> p = new HashMap<>();
        p.put("tikun.intake.probes.language", language);
        p.put("tikun.intake.probes.web.email", "Probe@Tikun.Invalid");
        p.put("tikun.intake.probes.webhook.network", "probenet");
        p.put("tikun.intake.probes.texts.he.subject", "המשלוח לא הגיע");
        p.put("tikun.intake.probes.texts.he.body", "הזמנתי לפני שבוע");
        p.put("tikun.intake.probes.texts.en.subject", "My order has not arrived");
        p.put("tikun.intake.probes.texts.en.body", "I ordered a week ago");
        p.put("tikun.channels.webhook.secrets.probenet", SECRET);
        return p;
    }

    static ProbesConfig probes(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(ProbesConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 300)).build()
                .getConfigMapping(ProbesConfig.class);
    }

    static ChannelsConfig channels(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(ChannelsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 300)).build()
                .getConfigMapping(ChannelsConfig.class);
    }

    @Test
    void fillsTheRenderedFormAsTheProbeCustomerInTheConfiguredLanguage() {
        ProbeComposer composer = new ProbeComposer(probes(settings("en")), mapper);
        ProbeComposer.RenderedForm form = ProbeComposer.readForm("""
                <form method="post"><input type="hidden" name="csrf" value="1700000000.abc">
                <input type="hidden" name="form-id" value="f-42"><input name="website" value=""></form>""");

        Map<String, String> fields = composer.formFields(form);

        assertThat(form.dedupKey()).isEqualTo("web:form:f-42");
        assertThat(fields).containsEntry("csrf", "1700000000.abc").containsEntry("form-id", "f-42")
                .containsEntry("email", "Probe@Tikun.Invalid").containsEntry("subject", "My order has not arrived")
                .containsEntry("text", "I ordered a week ago").containsEntry("website", "");
    }

    @Test
    void aPageWithoutTheFormsHiddenFieldsIsNoForm() {
        assertThat(ProbeComposer.readForm("<html><body>429 Too Many Requests</body></html>")).isNull();
    }

    @Test
    void signsTheWebhookDeliveryAsTheGenericNetworkWouldAndVerifiesWithIntakesOwnVerifier() throws Exception {
        ProbeComposer composer = new ProbeComposer(probes(settings("he")), mapper);

        byte[] body = composer.webhookBody("run-1", SENT);
        Map<String, String> headers = ProbeComposer.webhookHeaders(SECRET, SENT, body);
        JsonNode json = mapper.readTree(body);

        assertThat(new GenericSignatureVerifier(Clock.fixed(SENT, ZoneOffset.UTC)).isAuthentic(body,
                headers.get("X-Tikun-Timestamp"), headers.get("X-Tikun-Signature"), SECRET)).isTrue();
        assertThat(headers.get("X-Tikun-Timestamp")).isEqualTo(Long.toString(SENT.getEpochSecond()));
        assertThat(json.path("messageId").asText()).isEqualTo("probe-run-1");
        assertThat(json.path("conversationId").asText()).isEqualTo("probe-run-1");
        assertThat(json.path("author").path("id").asText()).isEqualTo("tikun-probe");
        assertThat(json.path("public").asBoolean()).isFalse();
        assertThat(json.path("text").asText()).isEqualTo("המשלוח לא הגיע\nהזמנתי לפני שבוע");
        assertThat(ProbeComposer.webhookDedupKey("probenet", "run-1")).isEqualTo("probenet:probe-run-1");
    }

    static OutboundConfig outbound(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(OutboundConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 300)).build()
                .getConfigMapping(OutboundConfig.class);
    }

    @Test
    void anEmailProbeNeedsTheSupportMailboxAndTakesTheOneCustomersAnswersGoTo() {
        Map<String, String> p = settings("he");
        p.put("tikun.intake.probes.channels", "web,email");

        assertThat(ProbeRunner.problems(probes(p), channels(p), outbound(p))).singleElement().asString()
                .contains("tikun.intake.probes.email.to").contains("tikun.intake.outbound.reply-to");
        p.put("tikun.intake.outbound.reply-to", "support@tikun.example");
        assertThat(ProbeRunner.problems(probes(p), channels(p), outbound(p))).isEmpty();
        assertThat(ProbeRunner.supportMailbox(probes(p), outbound(p))).isEqualTo("support@tikun.example");
        p.put("tikun.intake.probes.email.to", "complaints@tikun.example");
        assertThat(ProbeRunner.supportMailbox(probes(p), outbound(p))).isEqualTo("complaints@tikun.example");
    }

    @Test
    void writesTheEmailProbeAsTheProbeCustomersMailWithAMessageIdOfItsOwn() {
        ProbeComposer composer = new ProbeComposer(probes(settings("he")), mapper);

        Mail mail = composer.email("run-7", "support@tikun.example");

        assertThat(mail.getTo()).containsExactly("support@tikun.example");
        assertThat(mail.getFrom()).isEqualTo("Tikun probe <Probe@Tikun.Invalid>");
        assertThat(mail.getSubject()).isEqualTo("המשלוח לא הגיע");
        assertThat(mail.getText()).isEqualTo("הזמנתי לפני שבוע");
        assertThat(mail.getHeaders().get("Message-ID")).containsExactly("<probe-run-7@Tikun.Invalid>");
        assertThat(composer.emailDedupKey("run-7")).isEqualTo("email:probe-run-7@Tikun.Invalid");
    }

    @Test
    void aWebhookProbeNeedsANetworkWithASecret() {
        Map<String, String> p = settings("he");
        p.remove("tikun.channels.webhook.secrets.probenet");

        assertThat(ProbeRunner.problems(probes(p), channels(p), outbound(p))).singleElement().asString()
                .contains("tikun.channels.webhook.secrets.probenet");
        assertThat(ProbeRunner.problems(probes(settings("he")), channels(settings("he")), outbound(settings("he"))))
                .isEmpty();
    }

    @Test
    void writesAMessengerMessageSignedAsMetaSignsIt() throws Exception {
        ProbeComposer composer = new ProbeComposer(probes(settings("en")), mapper);

        byte[] body = composer.metaBody("run-3", SENT, "104000000000001");
        JsonNode json = mapper.readTree(body);

        assertThat(new io.tikun.intake.social.MetaSignatureVerifier().isAuthentic(body,
                ProbeComposer.metaSignature("app-secret", body), "app-secret")).isTrue();
        assertThat(json.path("object").asText()).isEqualTo("page");
        assertThat(json.at("/entry/0/messaging/0/sender/id").asText()).isEqualTo("tikun-probe");
        assertThat(json.at("/entry/0/messaging/0/recipient/id").asText()).isEqualTo("104000000000001");
        assertThat(json.at("/entry/0/messaging/0/timestamp").asLong()).isEqualTo(SENT.toEpochMilli());
        assertThat(json.at("/entry/0/messaging/0/message/mid").asText()).isEqualTo("m_probe-run-3");
        assertThat(ProbeComposer.metaDedupKey("run-3")).isEqualTo("messenger:m_probe-run-3");
    }

    @Test
    void writesAnXDirectMessageSignedAsXSignsIt() throws Exception {
        ProbeComposer composer = new ProbeComposer(probes(settings("en")), mapper);

        byte[] body = composer.xBody("run-4", SENT, "1460000000000000001");
        JsonNode json = mapper.readTree(body);

        assertThat(new io.tikun.intake.social.XSignatureVerifier().isAuthentic(body,
                ProbeComposer.xSignature("consumer-secret", body), "consumer-secret")).isTrue();
        assertThat(json.path("for_user_id").asText()).isEqualTo("1460000000000000001");
        assertThat(json.at("/direct_message_events/0/type").asText()).isEqualTo("message_create");
        assertThat(json.at("/direct_message_events/0/created_timestamp").asText())
                .isEqualTo(Long.toString(SENT.toEpochMilli()));
        assertThat(json.at("/direct_message_events/0/message_create/target/recipient_id").asText())
                .isEqualTo("1460000000000000001");
        assertThat(json.at("/direct_message_events/0/message_create/message_data/text").asText())
                .isEqualTo("My order has not arrived\nI ordered a week ago");
        assertThat(ProbeComposer.xDedupKey("run-4")).isEqualTo("xdm:probe-run-4");
    }

    @Test
    void metaAndXProbesNeedTheirTargetAndTheSecretToSignWith() {
        Map<String, String> p = settings("he");
        p.put("tikun.intake.probes.channels", "meta,x");

        assertThat(ProbeRunner.problems(probes(p), channels(p), outbound(p))).containsExactlyInAnyOrder(
                "channel meta needs tikun.intake.probes.meta.page-id",
                "channel meta: no tikun.channels.meta.app-secret to sign the probe with",
                "channel x needs tikun.intake.probes.x.account-id or tikun.channels.x.subscribed-user-ids",
                "channel x: no tikun.channels.x.consumer-secret to sign the probe with");
        p.put("tikun.intake.probes.meta.page-id", "104000000000001");
        p.put("tikun.channels.meta.app-secret", "app-secret");
        p.put("tikun.channels.x.subscribed-user-ids", "1460000000000000001,1460000000000000002");
        p.put("tikun.channels.x.consumer-secret", "consumer-secret");
        assertThat(ProbeRunner.problems(probes(p), channels(p), outbound(p))).isEmpty();
        assertThat(ProbeRunner.xAccount(probes(p), channels(p))).isEqualTo("1460000000000000001");
    }

    @Test
    void recognisesOnlyTheConfiguredProbeIdentities() {
        ProbesConfig config = probes(settings("he"));

        assertThat(ProbeMarker.webIdentity(config)).isEqualTo("email:probe@tikun.invalid");
        assertThat(ProbeMarker.webhookIdentity("probenet", config)).isEqualTo("probenet:tikun-probe");
        assertThat(ProbeMarker.metaIdentity(config)).isEqualTo("messenger:tikun-probe");
        assertThat(ProbeMarker.xIdentity(config)).isEqualTo("x:tikun-probe");
    }
}
