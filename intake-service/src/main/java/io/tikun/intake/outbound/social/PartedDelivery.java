package io.tikun.intake.outbound.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.DeliveryOutcome;

/**
 * Posts a message's parts one after another, skipping those an earlier attempt already posted and stopping at the
 * first that is not sent; that part's outcome is the message's. When every part is posted the outcome is
 * {@link DeliveryOutcome.Sent} with the parts' provider ids joined by commas, in order.
 */
@ApplicationScoped
public class PartedDelivery {

    private final DeliveredParts delivered;

    public PartedDelivery(DeliveredParts delivered) {
        this.delivered = delivered;
    }

    /**
     * One part of a message.
     *
     * @param key stable for the message across attempts ("public-1", "private-2")
     * @param post posts the part, given the provider id of the part before it (null for the first), for threading
     */
    public record Part(String key, Function<String, Uni<DeliveryOutcome>> post) {
    }

    public Uni<DeliveryOutcome> deliver(String messageId, List<Part> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().item(new DeliveryOutcome.Failed("nothing to send: the message has no text"));
        }
        return delivered.of(messageId).chain(done -> next(messageId, parts, 0, done, null, new ArrayList<>()));
    }

    private Uni<DeliveryOutcome> next(String messageId, List<Part> parts, int index, Map<String, String> done,
            String previousId, List<String> ids) {
        if (index == parts.size()) {
            List<String> known = ids.stream().filter(Objects::nonNull).toList();
            return Uni.createFrom().item(new DeliveryOutcome.Sent(known.isEmpty() ? null : String.join(",", known)));
        }
        Part part = parts.get(index);
        if (done.containsKey(part.key())) {
            String id = done.get(part.key());
            ids.add(id);
            return next(messageId, parts, index + 1, done, id, ids);
        }
        return part.post().apply(previousId).chain(outcome -> {
            if (!(outcome instanceof DeliveryOutcome.Sent sent)) {
                return Uni.createFrom().item(outcome);
            }
            ids.add(sent.providerMessageId());
            return delivered.remember(messageId, part.key(), sent.providerMessageId())
                    .chain(() -> next(messageId, parts, index + 1, done, sent.providerMessageId(), ids));
        });
    }
}
