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

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
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

    @Test
    void probingEmailIsAConfigurationErrorThatSaysWhy() {
        Map<String, String> p = settings("he");
        p.put("tikun.intake.probes.channels", "web,email");

        assertThat(ProbeRunner.problems(probes(p), channels(p))).singleElement().asString()
                .contains("channel email cannot be probed").contains("IMAP");
    }

    @Test
    void aWebhookProbeNeedsANetworkWithASecret() {
        Map<String, String> p = settings("he");
        p.remove("tikun.channels.webhook.secrets.probenet");

        assertThat(ProbeRunner.problems(probes(p), channels(p))).singleElement().asString()
                .contains("tikun.channels.webhook.secrets.probenet");
        assertThat(ProbeRunner.problems(probes(settings("he")), channels(settings("he")))).isEmpty();
    }

    @Test
    void recognisesOnlyTheConfiguredProbeIdentities() {
        ProbesConfig config = probes(settings("he"));

        assertThat(ProbeMarker.webIdentity(config)).isEqualTo("email:probe@tikun.invalid");
        assertThat(ProbeMarker.webhookIdentity("probenet", config)).isEqualTo("probenet:tikun-probe");
    }
}
