package io.tikun.intake.social;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.outbound.DeliveryReport;

/**
 * Reads the delivery receipts in a verified Meta webhook body: Messenger and Instagram {@code messaging[].delivery.mids}
 * and WhatsApp {@code changes[].value.statuses[]} whose status is {@code delivered} or {@code read} (a read message was
 * delivered, and WhatsApp may send only the later one), and WhatsApp statuses {@code failed} with their
 * {@code errors[]} (code, title, {@code error_data.details}). Everything else is left to {@link MetaWebhookParser}.
 */
@ApplicationScoped
public class MetaDeliveryReceiptReader {

    private static final Set<String> DELIVERED = Set.of("delivered", "read");
    private static final String FAILED = "failed";
    private static final int MAX_REASON = 500;

    private final ObjectMapper mapper;

    public MetaDeliveryReceiptReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The provider message ids the body reports delivered, in the order given; empty when it reports none. */
    public List<String> deliveredIds(byte[] body) {
        return report(body).delivered();
    }

    /** Every delivery and failure the body reports, each provider id once, in the order given. */
    public DeliveryReport report(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return DeliveryReport.NONE;
        }
        List<String> delivered = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                for (JsonNode mid : event.path("delivery").path("mids")) {
                    add(delivered, mid);
                }
            }
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    String state = status.path("status").asText("");
                    if (DELIVERED.contains(state)) {
                        add(delivered, status.path("id"));
                    } else if (FAILED.equals(state) && isId(status.path("id"))) {
                        failed.putIfAbsent(status.path("id").asText(), reason(status.path("errors")));
                    }
                }
            }
        }
        return new DeliveryReport(delivered, failed.entrySet().stream()
                .map(f -> new DeliveryReport.Failure(f.getKey(), f.getValue())).toList());
    }

    /** WhatsApp's first error as "code title: details", bounded; a generic reason when it gave none. */
    static String reason(JsonNode errors) {
        JsonNode error = errors.path(0);
        if (error.isMissingNode()) {
            return "WhatsApp reported the message failed without a reason.";
        }
        StringBuilder reason = new StringBuilder("WhatsApp error");
        if (error.path("code").canConvertToInt()) {
            reason.append(' ').append(error.path("code").asInt());
        }
        String title = error.path("title").asText(error.path("message").asText("")).strip();
        if (!title.isEmpty()) {
            reason.append(": ").append(title);
        }
        String details = error.path("error_data").path("details").asText("").strip();
        if (!details.isEmpty() && !details.equals(title)) {
            reason.append(" (").append(details).append(')');
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason.toString();
    }

    private static boolean isId(JsonNode id) {
        return id.isTextual() && !id.asText().isBlank();
    }

    private static void add(List<String> ids, JsonNode id) {
        if (isId(id) && !ids.contains(id.asText())) {
            ids.add(id.asText());
        }
    }
}
