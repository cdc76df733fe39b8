package io.tikun.intake.social;

import static io.tikun.intake.social.JsonPayload.optionalArray;
import static io.tikun.intake.social.JsonPayload.optionalObject;
import static io.tikun.intake.social.JsonPayload.optionalText;
import static io.tikun.intake.social.JsonPayload.pointer;
import static io.tikun.intake.social.JsonPayload.requireEpochSeconds;
import static io.tikun.intake.social.JsonPayload.requireObject;
import static io.tikun.intake.social.JsonPayload.requireText;
import static io.tikun.intake.social.MetaWebhookParser.prefixed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code messages} changes of a WhatsApp Cloud API webhook entry. Status callbacks (sent, delivered, read,
 * failed), reactions and system notices are not customer messages and are skipped; media and other non-text messages
 * become a bracketed placeholder naming the type and media id, so the complaint is not lost while the media itself is
 * fetched later through the Graph API.
 */
final class WhatsAppChangeReader {

    static final String MESSAGES_FIELD = "messages";
    private static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "document", "sticker");
    /** A reaction is an emoji on an earlier message and a system message is a number change: nothing to answer. */
    private static final Set<String> IGNORED_TYPES = Set.of("reaction", "system");

    void readEntry(JsonNode entry, String at, List<SocialMessage> messages) {
        List<JsonNode> changes = optionalArray(entry, "changes", at);
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String changeAt = pointer(pointer(at, "changes"), i);
            if (MESSAGES_FIELD.equals(optionalText(change, "field", changeAt))) {
                readValue(requireObject(change, "value", changeAt), pointer(changeAt, "value"), messages);
            }
        }
    }

    private void readValue(JsonNode value, String at, List<SocialMessage> messages) {
        Map<String, String> namesByWaId = contactNames(value, at);
        // The business number that received the messages: answers go out from it, and one customer writing to two
        // of our numbers holds two conversations.
        JsonNode metadata = optionalObject(value, "metadata", at);
        String businessNumberId = metadata == null ? null
                : optionalText(metadata, "phone_number_id", pointer(at, "metadata"));
        List<JsonNode> incoming = optionalArray(value, "messages", at);
        for (int i = 0; i < incoming.size(); i++) {
            JsonNode message = incoming.get(i);
            String messageAt = pointer(pointer(at, "messages"), i);
            String type = requireText(message, "type", messageAt);
            if (IGNORED_TYPES.contains(type)) {
                continue;
            }
            String from = requireText(message, "from", messageAt);
            String prefix = Network.META_WHATSAPP.prefix();
            JsonNode context = optionalObject(message, "context", messageAt);
            String repliedTo = context == null ? null : optionalText(context, "id", pointer(messageAt, "context"));
            SocialAuthor author = new SocialAuthor(from, null, namesByWaId.get(from), null, e164(from));
            messages.add(new SocialMessage(Network.META_WHATSAPP, null,
                    prefixed(prefix, requireText(message, "id", messageAt)),
                    prefixed(prefix, businessNumberId == null ? from : businessNumberId + ":" + from),
                    repliedTo == null ? null : prefixed(prefix, repliedTo), author, text(message, type, messageAt),
                    false, null, requireEpochSeconds(message, "timestamp", messageAt), null, messageAt));
        }
    }

    private static Map<String, String> contactNames(JsonNode value, String at) {
        Map<String, String> names = new HashMap<>();
        List<JsonNode> contacts = optionalArray(value, "contacts", at);
        for (int i = 0; i < contacts.size(); i++) {
            String contactAt = pointer(pointer(at, "contacts"), i);
            String waId = optionalText(contacts.get(i), "wa_id", contactAt);
            JsonNode profile = optionalObject(contacts.get(i), "profile", contactAt);
            String name = profile == null ? null : optionalText(profile, "name", pointer(contactAt, "profile"));
            if (waId != null && name != null) {
                names.put(waId, name);
            }
        }
        return names;
    }

    private static String text(JsonNode message, String type, String at) {
        if ("text".equals(type)) {
            return requireText(requireObject(message, "text", at), "body", pointer(at, "text"));
        }
        if (MEDIA_TYPES.contains(type)) {
            JsonNode media = requireObject(message, type, at);
            String mediaAt = pointer(at, type);
            String placeholder = "[" + type + " media:" + requireText(media, "id", mediaAt) + "]";
            String caption = optionalText(media, "caption", mediaAt);
            return caption == null || caption.isEmpty() ? placeholder : placeholder + " " + caption;
        }
        if ("button".equals(type)) {
            JsonNode button = optionalObject(message, "button", at);
            String text = button == null ? null : optionalText(button, "text", pointer(at, "button"));
            return text == null ? "[button]" : text;
        }
        if ("interactive".equals(type)) {
            return interactiveTitle(message, at);
        }
        if ("location".equals(type)) {
            JsonNode location = requireObject(message, "location", at);
            return "[location " + location.path("latitude").asText() + "," + location.path("longitude").asText() + "]";
        }
        // contacts, order, unsupported and types added later: say what arrived so an agent can look it up
        return "[" + type + "]";
    }

    /** A tapped reply button or list row: its title is what the customer chose. */
    private static String interactiveTitle(JsonNode message, String at) {
        JsonNode interactive = optionalObject(message, "interactive", at);
        if (interactive != null) {
            for (String reply : List.of("button_reply", "list_reply")) {
                String title = interactive.path(reply).path("title").asText(null);
                if (title != null) {
                    return title;
                }
            }
        }
        return "[interactive]";
    }

    /** WhatsApp ids are the number's digits without "+"; anything else is not a phone number we can dial. */
    private static String e164(String waId) {
        return waId.chars().allMatch(c -> c >= '0' && c <= '9') ? "+" + waId : null;
    }
}
