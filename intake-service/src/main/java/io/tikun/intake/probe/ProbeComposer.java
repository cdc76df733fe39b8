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

import io.quarkus.mailer.Mail;
import io.tikun.intake.social.HmacSha256;

/**
 * Writes a probe as a customer's client would send it: the complaint form's fields, a mail, or a network's signed
 * delivery (Meta's, X's, or the generic format). Pure functions of the configuration, the run and the clock.
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
        return json(body);
    }

    /**
     * A mail as the probe customer's mail program would send it to the support mailbox: plain text in the configured
     * language, a Message-ID of its own so it never joins another thread.
     */
    public Mail email(String runId, String to) {
        ProbesConfig.Text text = text();
        Mail mail = Mail.withText(to, text.subject(), text.body());
        mail.setFrom(config.web().name() + " <" + config.web().email() + ">");
        mail.addHeader("Message-ID", "<" + emailMessageId(runId) + ">");
        return mail;
    }

    /** The dedup key intake files a mail under: its Message-ID, without angle brackets, after {@code email:}. */
    public String emailDedupKey(String runId) {
        return "email:" + emailMessageId(runId);
    }

    private String emailMessageId(String runId) {
        String address = config.web().email();
        return "probe-" + runId + address.substring(address.lastIndexOf('@'));
    }

    /** A Messenger message from the probe sender to {@code pageId}, as Meta posts it ({@code object: page}). */
    public byte[] metaBody(String runId, Instant sentAt, String pageId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("object", "page");
        ObjectNode entry = body.putArray("entry").addObject();
        entry.put("id", pageId);
        entry.put("time", sentAt.toEpochMilli());
        ObjectNode event = entry.putArray("messaging").addObject();
        event.putObject("sender").put("id", config.meta().senderId());
        event.putObject("recipient").put("id", pageId);
        event.put("timestamp", sentAt.toEpochMilli());
        event.putObject("message").put("mid", "m_probe-" + runId).put("text", text().subject() + "\n" + text().body());
        return json(body);
    }

    /** The dedup key intake files a Messenger message under. */
    public static String metaDedupKey(String runId) {
        return "messenger:m_probe-" + runId;
    }

    /** {@code X-Hub-Signature-256} as Meta signs a body: {@code sha256=<hex HMAC-SHA256(app secret, body)>}. */
    public static String metaSignature(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(HmacSha256.mac(appSecret, body));
    }

    /** A direct message from the probe sender to {@code accountId}, as X's Account Activity API posts it. */
    public byte[] xBody(String runId, Instant sentAt, String accountId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("for_user_id", accountId);
        ObjectNode event = body.putArray("direct_message_events").addObject();
        event.put("type", "message_create");
        event.put("id", "probe-" + runId);
        event.put("created_timestamp", Long.toString(sentAt.toEpochMilli()));
        ObjectNode create = event.putObject("message_create");
        create.putObject("target").put("recipient_id", accountId);
        create.put("sender_id", config.x().senderId());
        create.putObject("message_data").put("text", text().subject() + "\n" + text().body());
        body.putObject("users").putObject(config.x().senderId()).put("id", config.x().senderId())
                .put("name", config.x().senderName()).put("screen_name", config.x().senderId());
        return json(body);
    }

    /** The dedup key intake files an X direct message under. */
    public static String xDedupKey(String runId) {
        return "xdm:probe-" + runId;
    }

    /** {@code x-twitter-webhooks-signature} as X signs a body: {@code sha256=<base64 HMAC-SHA256(consumer secret, body)>}. */
    public static String xSignature(String consumerSecret, byte[] body) {
        return "sha256=" + java.util.Base64.getEncoder().encodeToString(HmacSha256.mac(consumerSecret, body));
    }

    private byte[] json(ObjectNode body) {
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
