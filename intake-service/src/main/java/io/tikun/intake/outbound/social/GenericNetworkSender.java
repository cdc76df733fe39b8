package io.tikun.intake.outbound.social;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.ChannelSender;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;
import io.tikun.intake.social.GenericSignatureVerifier;
import io.tikun.intake.social.HmacSha256;
import io.tikun.intake.social.Network;
import io.vertx.core.json.JsonObject;

/**
 * Posts a message to a network bridged in Tikun's generic format, signed like that format's inbound webhooks (an HMAC
 * over timestamp and body with the network's shared secret) and keyed by the message id, so the bridge can drop a
 * repeated attempt. The bridge decides how to post it; public notice and private text travel side by side.
 */
@ApplicationScoped
public class GenericNetworkSender implements ChannelSender {

    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final SocialHttp http;
    private final OutboundChannelsConfig.Webhook config;
    private final Clock clock;

    public GenericNetworkSender(SocialHttp http, OutboundChannelsConfig config, Clock clock) {
        this.http = http;
        this.config = config.webhook();
        this.clock = clock;
    }

    @Override
    public boolean handles(Destination destination) {
        return destination instanceof Destination.Social social && social.network() != null
                && !Network.isReservedPrefix(social.network());
    }

    @Override
    public Uni<DeliveryOutcome> send(OutboundMessage message) {
        Destination.Social to = (Destination.Social) message.destination();
        String url = config.outboundUrls().get(to.network());
        String secret = config.secrets().get(to.network());
        if (url == null || url.isBlank() || secret == null || secret.isBlank()) {
            return Uni.createFrom().item(MetaGraph.noConfiguration("network " + to.network()));
        }
        byte[] body = body(message, to).toBuffer().getBytes();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = HexFormat.of().formatHex(
                HmacSha256.mac(secret, timestamp.getBytes(StandardCharsets.US_ASCII), new byte[] { '.' }, body));
        return http.postJson("webhook " + to.network(), url,
                Map.of(GenericSignatureVerifier.TIMESTAMP_HEADER, timestamp, GenericSignatureVerifier.SIGNATURE_HEADER,
                        "sha256=" + signature, IDEMPOTENCY_HEADER, message.messageId()),
                body, DIALECT);
    }

    /** The same body on every attempt (no attempt number, no send time), so the bridge sees one message. */
    private static JsonObject body(OutboundMessage message, Destination.Social to) {
        return new JsonObject().put("messageId", message.messageId()).put("network", to.network())
                .put("reference", message.reference()).put("language", message.language())
                .put("public", to.publicPost()).put("publicNotice", to.publicPost() ? message.publicNotice() : null)
                .put("text", message.text()).put("accountId", to.accountId())
                .put("recipient", new JsonObject().put("id", to.recipientId()).put("handle", to.recipientHandle()))
                .put("inReplyTo", to.replyToMessageId()).put("conversationId", to.conversationId());
    }

    static final ProviderDialect DIALECT = new ProviderDialect() {
        @Override
        public String acceptedId(JsonObject answer) {
            Object id = answer.getValue("id") != null ? answer.getValue("id") : answer.getValue("messageId");
            return id == null ? null : id.toString();
        }

        @Override
        public String error(JsonObject answer) {
            for (String field : new String[] { "detail", "title", "error", "message" }) {
                if (answer.getValue(field) instanceof String text && !text.isBlank()) {
                    return text;
                }
            }
            return null;
        }
    };
}
