package io.tikun.intake.outbound.social;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.ChannelSender;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;
import io.vertx.core.json.JsonObject;

/**
 * Answers on Facebook and Instagram: Messenger and Instagram direct messages through the Send API, and comments with a
 * public reply under the comment (only the message's public notice) plus a private reply to its author (the
 * substance). WhatsApp has its own {@link WhatsAppSender}.
 */
@ApplicationScoped
public class MetaSender implements ChannelSender {

    static final String FACEBOOK = "fb";
    static final String INSTAGRAM = "ig";
    static final String MESSENGER = "messenger";
    static final String INSTAGRAM_DM = "igdm";
    private static final Set<String> NETWORKS = Set.of(FACEBOOK, INSTAGRAM, MESSENGER, INSTAGRAM_DM);

    /** Send API text limits (characters) and the comment limits of each network. */
    static final int MESSENGER_LIMIT = 2000;
    static final int INSTAGRAM_DM_LIMIT = 1000;
    static final int FACEBOOK_COMMENT_LIMIT = 8000;
    static final int INSTAGRAM_COMMENT_LIMIT = 2200;
    /** The standard messaging window after the customer's last message; later only a human agent may answer. */
    static final Duration STANDARD_WINDOW = Duration.ofHours(24);

    private final MetaGraph graph;
    private final PartedDelivery delivery;
    private final Clock clock;

    public MetaSender(MetaGraph graph, PartedDelivery delivery, Clock clock) {
        this.graph = graph;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public boolean handles(Destination destination) {
        return destination instanceof Destination.Social social && NETWORKS.contains(social.network());
    }

    @Override
    public Uni<DeliveryOutcome> send(OutboundMessage message) {
        Destination.Social to = (Destination.Social) message.destination();
        return switch (to.network()) {
            case MESSENGER -> direct(message, to, MESSENGER_LIMIT);
            case INSTAGRAM_DM -> direct(message, to, INSTAGRAM_DM_LIMIT);
            case FACEBOOK -> comment(message, to, to.accountId(), "comments", FACEBOOK_COMMENT_LIMIT, MESSENGER_LIMIT);
            default -> comment(message, to,
                    to.accountId() != null ? to.accountId() : graph.config().instagramAccountId().orElse(null),
                    "replies", INSTAGRAM_COMMENT_LIMIT, INSTAGRAM_DM_LIMIT);
        };
    }

    private Uni<DeliveryOutcome> direct(OutboundMessage message, Destination.Social to, int limit) {
        String token = graph.tokenFor(to.accountId());
        if (token == null) {
            return Uni.createFrom().item(MetaGraph.noConfiguration(to.network() + " account " + to.accountId()));
        }
        if (to.recipientId() == null) {
            return Uni.createFrom().item(new DeliveryOutcome.Failed("no recipient id for " + to.network()));
        }
        boolean humanAgent = outsideStandardWindow(to);
        List<PartedDelivery.Part> parts = new ArrayList<>();
        List<String> texts = TextParts.split(message.text(), limit);
        for (int i = 0; i < texts.size(); i++) {
            JsonObject body = new JsonObject().put("recipient", new JsonObject().put("id", to.recipientId()));
            if (humanAgent) {
                // After 24 hours only a person may answer, within 7 days, and must say so with the HUMAN_AGENT tag.
                body.put("messaging_type", "MESSAGE_TAG").put("tag", "HUMAN_AGENT");
            } else if (MESSENGER.equals(to.network())) {
                body.put("messaging_type", "RESPONSE");
            }
            body.put("message", new JsonObject().put("text", texts.get(i)));
            parts.add(new PartedDelivery.Part("private-" + (i + 1),
                    previous -> graph.post(token, to.accountId(), "messages", body)));
        }
        return delivery.deliver(message.messageId(), parts);
    }

    /**
     * A comment is public: only the public notice goes under it; the text goes to its author as the one private reply
     * Meta allows per comment (so it is shortened to one message if it must be).
     */
    private Uni<DeliveryOutcome> comment(OutboundMessage message, Destination.Social to, String accountId, String edge,
            int publicLimit, int privateLimit) {
        String token = graph.tokenFor(accountId);
        if (token == null) {
            return Uni.createFrom().item(MetaGraph.noConfiguration(to.network() + " account " + accountId));
        }
        if (to.replyToMessageId() == null) {
            return Uni.createFrom().item(new DeliveryOutcome.Failed("no comment to answer on " + to.network()));
        }
        List<PartedDelivery.Part> parts = new ArrayList<>();
        List<String> notices = TextParts.split(message.publicNotice(), publicLimit);
        for (int i = 0; i < notices.size(); i++) {
            JsonObject body = new JsonObject().put("message", notices.get(i));
            parts.add(new PartedDelivery.Part("public-" + (i + 1),
                    previous -> graph.post(token, to.replyToMessageId(), edge, body)));
        }
        if (message.text() != null && !message.text().isBlank()) {
            String text = TextParts.fit(message.text(), privateLimit);
            if (text.length() < message.text().strip().length()) {
                Log.warnf("message %s shortened to one private reply of %d characters on %s", message.messageId(),
                        privateLimit, to.network());
            }
            JsonObject body = new JsonObject()
                    .put("recipient", new JsonObject().put("comment_id", to.replyToMessageId()))
                    .put("message", new JsonObject().put("text", text));
            parts.add(new PartedDelivery.Part("private-1", previous -> graph.post(token, accountId, "messages", body)));
        }
        return delivery.deliver(message.messageId(), parts);
    }

    private boolean outsideStandardWindow(Destination.Social to) {
        return to.customerLastWroteAt() != null
                && to.customerLastWroteAt().plus(STANDARD_WINDOW).isBefore(clock.instant());
    }
}
