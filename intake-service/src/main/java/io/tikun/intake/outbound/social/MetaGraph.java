package io.tikun.intake.outbound.social;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Posts to Meta's Graph API with the access token of the page or account that speaks, and reads Meta's answers. */
@ApplicationScoped
public class MetaGraph {

    /**
     * Graph API throttling codes (application, user, page and WhatsApp rate limits): Meta sends them with a 4xx, but
     * they pass with time, so they are retried rather than given up.
     */
    static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 613, 80001, 80006, 80007, 130429, 131056);

    private final SocialHttp http;
    private final OutboundChannelsConfig.Meta config;

    public MetaGraph(SocialHttp http, OutboundChannelsConfig config) {
        this.http = http;
        this.config = config.meta();
    }

    /** The token of the page or account, or null when none is configured. */
    String tokenFor(String accountId) {
        if (accountId == null) {
            return null;
        }
        String token = config.accessTokens().get(accountId);
        return token == null || token.isBlank() ? null : token;
    }

    OutboundChannelsConfig.Meta config() {
        return config;
    }

    /** POST {@code /<version>/<node>/<edge>} with the token. */
    Uni<DeliveryOutcome> post(String token, String node, String edge, JsonObject body) {
        String url = config.graphUrl().replaceAll("/+$", "") + "/" + config.apiVersion() + "/" + segment(node) + "/"
                + edge;
        return http.postJson("Meta", url, Map.of("Authorization", "Bearer " + token), body.toBuffer().getBytes(),
                DIALECT);
    }

    static DeliveryOutcome noConfiguration(String what) {
        return new DeliveryOutcome.Failed("no outbound configuration for " + what);
    }

    /** Ids come from webhooks: encoded so none can reach another path of the Graph API. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static final ProviderDialect DIALECT = new ProviderDialect() {
        @Override
        public String acceptedId(JsonObject answer) {
            // Messenger and Instagram: message_id; comments: id; WhatsApp: messages[0].id (the wamid)
            if (answer.getValue("message_id") instanceof String id) {
                return id;
            }
            if (answer.getValue("messages") instanceof JsonArray messages && !messages.isEmpty()
                    && messages.getValue(0) instanceof JsonObject first && first.getValue("id") instanceof String id) {
                return id;
            }
            return answer.getValue("id") instanceof String id ? id : null;
        }

        @Override
        public String error(JsonObject answer) {
            if (!(answer.getValue("error") instanceof JsonObject error)) {
                return null;
            }
            StringBuilder reason = new StringBuilder(String.valueOf(error.getValue("message", "unknown error")));
            if (error.getValue("code") != null) {
                reason.append(" (code ").append(error.getValue("code"));
                if (error.getValue("error_subcode") != null) {
                    reason.append(", subcode ").append(error.getValue("error_subcode"));
                }
                reason.append(')');
            }
            if (error.getValue("error_data") instanceof JsonObject data && data.getValue("details") instanceof String d) {
                reason.append(": ").append(d);
            }
            return reason.toString();
        }

        @Override
        public boolean isTransient(int status, JsonObject answer) {
            if (!(answer.getValue("error") instanceof JsonObject error)) {
                return false;
            }
            return Boolean.TRUE.equals(error.getValue("is_transient"))
                    || (error.getValue("code") instanceof Number code && THROTTLING_CODES.contains(code.intValue()));
        }
    };
}
