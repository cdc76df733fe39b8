package io.tikun.intake.outbound.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.ChannelSender;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Answers on X through API v2 with the answering account's user token: a direct message, or for a mention a public
 * reply tweet carrying only the public notice (a thread if it is longer than a tweet) and the substance as a direct
 * message to its author.
 */
@ApplicationScoped
public class XSender implements ChannelSender {

    static final String TWEET = "x";
    static final String DIRECT_MESSAGE = "xdm";
    private static final Set<String> NETWORKS = Set.of(TWEET, DIRECT_MESSAGE);
    /** A tweet's weighted length; a direct message's length. */
    static final int TWEET_LIMIT = 280;
    static final int DIRECT_MESSAGE_LIMIT = 10000;

    private final SocialHttp http;
    private final PartedDelivery delivery;
    private final OutboundChannelsConfig.X config;

    public XSender(SocialHttp http, PartedDelivery delivery, OutboundChannelsConfig config) {
        this.http = http;
        this.delivery = delivery;
        this.config = config.x();
    }

    @Override
    public boolean handles(Destination destination) {
        return destination instanceof Destination.Social social && NETWORKS.contains(social.network());
    }

    @Override
    public Uni<DeliveryOutcome> send(OutboundMessage message) {
        Destination.Social to = (Destination.Social) message.destination();
        String token = config.accessToken().filter(t -> !t.isBlank()).orElse(null);
        if (token == null) {
            return Uni.createFrom().item(MetaGraph.noConfiguration("X (no access token)"));
        }
        List<PartedDelivery.Part> parts = new ArrayList<>();
        if (TWEET.equals(to.network())) {
            if (to.replyToMessageId() == null) {
                return Uni.createFrom().item(new DeliveryOutcome.Failed("no tweet to answer on X"));
            }
            List<String> notices = TextParts.split(message.publicNotice(), TWEET_LIMIT, TextParts.X_WEIGHT);
            for (int i = 0; i < notices.size(); i++) {
                String notice = notices.get(i);
                boolean first = i == 0;
                // Each further tweet answers the one before it, so a long notice reads as one thread.
                parts.add(new PartedDelivery.Part("public-" + (i + 1), previous -> post(token, "/2/tweets",
                        new JsonObject().put("text", notice).put("reply", new JsonObject()
                                .put("in_reply_to_tweet_id", first ? to.replyToMessageId() : previous)))));
            }
        }
        if (message.text() != null && !message.text().isBlank()) {
            if (to.recipientId() == null) {
                return Uni.createFrom().item(new DeliveryOutcome.Failed("no recipient for an X direct message"));
            }
            String path = "/2/dm_conversations/with/" + MetaGraph.segment(to.recipientId()) + "/messages";
            List<String> texts = TextParts.split(message.text(), DIRECT_MESSAGE_LIMIT);
            for (int i = 0; i < texts.size(); i++) {
                JsonObject body = new JsonObject().put("text", texts.get(i));
                parts.add(new PartedDelivery.Part("private-" + (i + 1), previous -> post(token, path, body)));
            }
        }
        return delivery.deliver(message.messageId(), parts);
    }

    private Uni<DeliveryOutcome> post(String token, String path, JsonObject body) {
        return http.postJson("X", config.apiUrl().replaceAll("/+$", "") + path,
                Map.of("Authorization", "Bearer " + token), body.toBuffer().getBytes(), DIALECT);
    }

    static final ProviderDialect DIALECT = new ProviderDialect() {
        @Override
        public String acceptedId(JsonObject answer) {
            if (!(answer.getValue("data") instanceof JsonObject data)) {
                return null;
            }
            // a tweet answers with data.id, a direct message with data.dm_event_id
            Object id = data.getValue("dm_event_id") != null ? data.getValue("dm_event_id") : data.getValue("id");
            return id == null ? null : id.toString();
        }

        @Override
        public String error(JsonObject answer) {
            String title = answer.getValue("title") instanceof String t ? t : null;
            String detail = answer.getValue("detail") instanceof String d ? d : null;
            if (detail == null && answer.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()
                    && errors.getValue(0) instanceof JsonObject first) {
                detail = first.getValue("message") instanceof String m ? m : first.getString("detail");
            }
            if (title != null && detail != null) {
                return title + ": " + detail;
            }
            return title != null ? title : detail;
        }

        /** X announces the end of a rate-limit window as epoch seconds rather than with {@code Retry-After}. */
        @Override
        public Instant limitResetsAt(UnaryOperator<String> header) {
            String reset = header.apply("x-rate-limit-reset");
            if (reset == null || reset.isBlank() || !reset.strip().chars().allMatch(Character::isDigit)
                    || reset.strip().length() > 12) {
                return null;
            }
            return Instant.ofEpochSecond(Long.parseLong(reset.strip()));
        }
    };
}
