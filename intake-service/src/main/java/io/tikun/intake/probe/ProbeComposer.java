package io.tikun.intake.probe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tikun.intake.social.HmacSha256;

/**
 * Writes a probe as a customer's client would send it: the complaint form's fields, or a generic network's signed
 * delivery. Pure functions of the configuration, the run and the clock.
 */
public final class ProbeComposer {

    static final String FORM_CSRF_FIELD = "csrf";
    static final String FORM_ID_FIELD = "form-id";
    /** The form files under "form:<form id>", which the web path keys as "web:" + that. */
    static final String WEB_DEDUP_PREFIX = "web:form:";

    private final ProbesConfig config;
    private final ObjectMapper mapper;

    public ProbeComposer(ProbesConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** The hidden fields of a rendered complaint form, as a browser would submit them back. */
    public record RenderedForm(String csrf, String formId) {
        public String dedupKey() {
            return WEB_DEDUP_PREFIX + formId;
        }
    }

    /** Reads the CSRF token and form id out of the form page; null when the page holds no form. */
    public static RenderedForm readForm(String html) {
        Document page = Jsoup.parse(html);
        Element csrf = page.selectFirst("input[name=" + FORM_CSRF_FIELD + "]");
        Element formId = page.selectFirst("input[name=" + FORM_ID_FIELD + "]");
        if (csrf == null || formId == null || csrf.val().isBlank() || formId.val().isBlank()) {
            return null;
        }
        return new RenderedForm(csrf.val(), formId.val());
    }

    /** The form's fields filled in as the probe customer, in the configured language. */
    public Map<String, String> formFields(RenderedForm form) {
        ProbesConfig.Text text = text();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", config.web().name());
        fields.put("email", config.web().email());
        fields.put("phone", "");
        fields.put("subject", text.subject());
        fields.put("reference", "");
        fields.put("text", text.body());
        fields.put("website", "");
        fields.put(FORM_CSRF_FIELD, form.csrf());
        fields.put(FORM_ID_FIELD, form.formId());
        return fields;
    }

    /** A generic-format delivery: a private message, in a conversation of its own so it never joins another. */
    public byte[] webhookBody(String runId, Instant sentAt) {
        ObjectNode body = mapper.createObjectNode();
        body.put("messageId", "probe-" + runId);
        body.put("conversationId", "probe-" + runId);
        ObjectNode author = body.putObject("author");
        author.put("id", config.webhook().authorId());
        author.put("name", config.webhook().authorName());
        body.put("text", text().subject() + "\n" + text().body());
        body.put("public", false);
        body.put("sentAt", sentAt.atOffset(ZoneOffset.UTC).toString());
        try {
            return mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a probe delivery", e);
        }
    }

    /** The dedup key intake files a generic delivery under: the network-prefixed message id. */
    public static String webhookDedupKey(String network, String runId) {
        return network + ":probe-" + runId;
    }

    /** {@code X-Tikun-Timestamp} and {@code X-Tikun-Signature} as the network would sign the body. */
    public static Map<String, String> webhookHeaders(String secret, Instant sentAt, byte[] body) {
        String timestamp = Long.toString(sentAt.getEpochSecond());
        byte[] mac = HmacSha256.mac(secret, timestamp.getBytes(StandardCharsets.US_ASCII),
                ".".getBytes(StandardCharsets.US_ASCII), body);
        return Map.of("X-Tikun-Timestamp", timestamp, "X-Tikun-Signature", "sha256=" + HexFormat.of().formatHex(mac));
    }

    ProbesConfig.Text text() {
        return "en".equals(config.language()) ? config.texts().en() : config.texts().he();
    }
}
