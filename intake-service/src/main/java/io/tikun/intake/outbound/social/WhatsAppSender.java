package io.tikun.intake.outbound.social;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.ChannelSender;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;
import io.tikun.intake.outbound.social.OutboundChannelsConfig.Template;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Answers on WhatsApp through the Cloud API from the business number the customer wrote to: free text within 24 hours
 * of the customer's last message, else the approved template for the message's language, its one body parameter
 * carrying the text.
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    static final String WHATSAPP = "wa";
    static final int TEXT_LIMIT = 4096;
    /** Meta caps a template's body text; one parameter of this size keeps a typical template within it. */
    static final int TEMPLATE_PARAMETER_LIMIT = 1000;
    static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);
    private static final String FALLBACK_LANGUAGE = "en";

    private final MetaGraph graph;
    private final PartedDelivery delivery;
    private final Clock clock;

    public WhatsAppSender(MetaGraph graph, PartedDelivery delivery, Clock clock) {
        this.graph = graph;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public boolean handles(Destination destination) {
        return destination instanceof Destination.Social social && WHATSAPP.equals(social.network());
    }

    @Override
    public Uni<DeliveryOutcome> send(OutboundMessage message) {
        Destination.Social to = (Destination.Social) message.destination();
        String token = graph.tokenFor(to.accountId());
        if (token == null) {
            return Uni.createFrom().item(MetaGraph.noConfiguration("WhatsApp number " + to.accountId()));
        }
        if (to.recipientId() == null) {
            return Uni.createFrom().item(new DeliveryOutcome.Failed("no recipient for WhatsApp"));
        }
        List<PartedDelivery.Part> parts = new ArrayList<>();
        if (withinWindow(to)) {
            List<String> texts = TextParts.split(message.text(), TEXT_LIMIT);
            for (int i = 0; i < texts.size(); i++) {
                JsonObject body = envelope(to).put("type", "text").put("text",
                        new JsonObject().put("body", texts.get(i)));
                parts.add(new PartedDelivery.Part("private-" + (i + 1),
                        previous -> graph.post(token, to.accountId(), "messages", body)));
            }
        } else {
            Template template = template(message.language());
            if (template == null) {
                return Uni.createFrom().item(MetaGraph.noConfiguration("a WhatsApp template in " + message.language()));
            }
            List<String> texts = TextParts.split(asParameter(message.text()), TEMPLATE_PARAMETER_LIMIT);
            for (int i = 0; i < texts.size(); i++) {
                JsonObject body = envelope(to).put("type", "template").put("template", templateBody(template,
                        texts.get(i)));
                parts.add(new PartedDelivery.Part("template-" + (i + 1),
                        previous -> graph.post(token, to.accountId(), "messages", body)));
            }
        }
        return delivery.deliver(message.messageId(), parts);
    }

    private static JsonObject envelope(Destination.Social to) {
        return new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to",
                to.recipientId());
    }

    private static JsonObject templateBody(Template template, String text) {
        JsonObject parameter = new JsonObject().put("type", "text").put("text", text);
        JsonObject bodyComponent = new JsonObject().put("type", "body").put("parameters", new JsonArray().add(parameter));
        return new JsonObject().put("name", template.name())
                .put("language", new JsonObject().put("code", template.language()))
                .put("components", new JsonArray().add(bodyComponent));
    }

    /** Unknown time counts as outside: free text there is refused, a template is always allowed. */
    private boolean withinWindow(Destination.Social to) {
        return to.customerLastWroteAt() != null
                && to.customerLastWroteAt().plus(CUSTOMER_SERVICE_WINDOW).isAfter(clock.instant());
    }

    private Template template(String language) {
        var templates = graph.config().whatsapp().templates();
        Template template = language == null ? null : templates.get(language);
        return template != null ? template : templates.get(FALLBACK_LANGUAGE);
    }

    /** Template parameters may hold no line breaks or tabs and no more than four spaces in a row. */
    static String asParameter(String text) {
        if (text == null) {
            return null;
        }
        return text.strip().replaceAll("\\s*\\R\\s*\\R\\s*", " — ").replaceAll("[\\s&&[^ ]]+", " ").replaceAll(" {4,}",
                "   ");
    }
}
