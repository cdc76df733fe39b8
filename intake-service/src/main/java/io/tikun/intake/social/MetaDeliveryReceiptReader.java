package io.tikun.intake.social;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the delivery receipts in a verified Meta webhook body: Messenger and Instagram {@code messaging[].delivery.mids}
 * and WhatsApp {@code changes[].value.statuses[]} whose status is {@code delivered} or {@code read} (a read message was
 * delivered, and WhatsApp may send only the later one). Everything else is left to {@link MetaWebhookParser}.
 */
@ApplicationScoped
public class MetaDeliveryReceiptReader {

    private static final Set<String> DELIVERED = Set.of("delivered", "read");

    private final ObjectMapper mapper;

    public MetaDeliveryReceiptReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The provider message ids the body reports delivered, in the order given; empty when it reports none. */
    public List<String> deliveredIds(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                for (JsonNode mid : event.path("delivery").path("mids")) {
                    add(ids, mid);
                }
            }
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    if (DELIVERED.contains(status.path("status").asText(""))) {
                        add(ids, status.path("id"));
                    }
                }
            }
        }
        return ids;
    }

    private static void add(List<String> ids, JsonNode id) {
        if (id.isTextual() && !id.asText().isBlank() && !ids.contains(id.asText())) {
            ids.add(id.asText());
        }
    }
}
