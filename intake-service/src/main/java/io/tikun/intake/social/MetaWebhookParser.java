package io.tikun.intake.social;

import static io.tikun.intake.social.JsonPayload.flag;
import static io.tikun.intake.social.JsonPayload.optionalArray;
import static io.tikun.intake.social.JsonPayload.optionalObject;
import static io.tikun.intake.social.JsonPayload.optionalText;
import static io.tikun.intake.social.JsonPayload.pointer;
import static io.tikun.intake.social.JsonPayload.requireArray;
import static io.tikun.intake.social.JsonPayload.requireEpochMillis;
import static io.tikun.intake.social.JsonPayload.requireEpochSeconds;
import static io.tikun.intake.social.JsonPayload.requireEpochSecondsOrMillis;
import static io.tikun.intake.social.JsonPayload.requireObject;
import static io.tikun.intake.social.JsonPayload.requireText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a Meta Graph API webhook body (objects {@code page}, {@code instagram} and
 * {@code whatsapp_business_account}) into the customer messages it carries.
 * <p>
 * Kept: new Facebook page comments ({@code feed}, item {@code comment}, verb {@code add}), Messenger and Instagram
 * direct messages ({@code messaging[].message}), Instagram comments ({@code comments}, {@code live_comments}) and
 * WhatsApp messages.
 * Ignored, because they are not something a customer said: delivery and read receipts, postbacks, reactions,
 * message edits and unsends, echoes of the page's own messages ({@code is_echo}), comments the page or account wrote
 * itself, comment edits and removals, and WhatsApp {@code statuses}. Call it only with a body whose
 * {@link MetaSignatureVerifier signature} was checked.
 */
@ApplicationScoped
public class MetaWebhookParser {

    static final String OBJECT_PAGE = "page";
    static final String OBJECT_INSTAGRAM = "instagram";
    static final String OBJECT_WHATSAPP = "whatsapp_business_account";
    /** Comments under live broadcasts arrive in their own field but have the same shape. */
    static final Set<String> INSTAGRAM_COMMENT_FIELDS = Set.of("comments", "live_comments");

    private final ObjectMapper mapper;
    private final WhatsAppChangeReader whatsApp = new WhatsAppChangeReader();

    public MetaWebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws SocialWebhookException when the body is not JSON or not in Meta's documented shape */
    public List<SocialMessage> parse(byte[] rawBody) {
        JsonNode root = JsonPayload.readObject(mapper, rawBody);
        String object = requireText(root, "object", "");
        if (!List.of(OBJECT_PAGE, OBJECT_INSTAGRAM, OBJECT_WHATSAPP).contains(object)) {
            // Refused rather than dropped: another object means the app subscribes to something we never read, a
            // configuration mistake that should be visible.
            throw new SocialWebhookException("unsupported Meta webhook object '" + object + "'");
        }
        List<JsonNode> entries = requireArray(root, "entry", "");
        List<SocialMessage> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String at = pointer("/entry", i);
            switch (object) {
                case OBJECT_PAGE -> readPageEntry(entry, at, messages);
                case OBJECT_INSTAGRAM -> readInstagramEntry(entry, at, messages);
                default -> whatsApp.readEntry(entry, at, messages);
            }
        }
        return messages;
    }

    private void readPageEntry(JsonNode entry, String at, List<SocialMessage> messages) {
        String pageId = requireText(entry, "id", at);
        List<JsonNode> changes = optionalArray(entry, "changes", at);
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String changeAt = pointer(pointer(at, "changes"), i);
            if ("feed".equals(optionalText(change, "field", changeAt))) {
                readFeedChange(pageId, requireObject(change, "value", changeAt), pointer(changeAt, "value"), messages);
            }
        }
        readMessaging(entry, at, Network.META_MESSENGER, messages);
    }

    private void readFeedChange(String pageId, JsonNode value, String at, List<SocialMessage> messages) {
        boolean newComment = "comment".equals(optionalText(value, "item", at))
                && "add".equals(optionalText(value, "verb", at));
        if (!newComment) {
            return;
        }
        JsonNode from = requireObject(value, "from", at);
        String authorId = requireText(from, "id", pointer(at, "from"));
        if (authorId.equals(pageId)) {
            return; // the page answering in its own comments is our reply, not a customer message
        }
        String prefix = Network.META_FACEBOOK.prefix();
        String commentId = requireText(value, "comment_id", at);
        String postId = requireText(value, "post_id", at);
        String parentId = optionalText(value, "parent_id", at);
        // Meta sets parent_id to the post for top-level comments; only a reply to another comment answers a message.
        String inReplyTo = parentId == null || parentId.equals(postId) ? null : prefixed(prefix, parentId);
        String text = optionalText(value, "message", at);
        if (text == null) {
            text = value.has("photo") ? "[photo]" : value.has("video") ? "[video]" : "";
        }
        SocialAuthor author = new SocialAuthor(authorId, null, optionalText(from, "name", pointer(at, "from")), null,
                null);
        messages.add(new SocialMessage(Network.META_FACEBOOK, null, prefixed(prefix, commentId),
                prefixed(prefix, "post:" + postId), inReplyTo, author, text, true, null,
                requireEpochSeconds(value, "created_time", at), null, at));
    }

    private void readInstagramEntry(JsonNode entry, String at, List<SocialMessage> messages) {
        String accountId = requireText(entry, "id", at);
        List<JsonNode> changes = optionalArray(entry, "changes", at);
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String changeAt = pointer(pointer(at, "changes"), i);
            String field = optionalText(change, "field", changeAt);
            // Set.of(...).contains(null) throws: a change without a field is skipped, as in page entries
            if (field != null && INSTAGRAM_COMMENT_FIELDS.contains(field)) {
                // Instagram comment values carry no time of their own; the entry's time is when Meta saw it.
                Instant sentAt = requireEpochSecondsOrMillis(entry, "time", at);
                readInstagramComment(accountId, sentAt, requireObject(change, "value", changeAt),
                        pointer(changeAt, "value"), messages);
            }
        }
        readMessaging(entry, at, Network.META_INSTAGRAM_DM, messages);
    }

    private void readInstagramComment(String accountId, Instant sentAt, JsonNode value, String at,
            List<SocialMessage> messages) {
        JsonNode from = requireObject(value, "from", at);
        String fromAt = pointer(at, "from");
        String authorId = requireText(from, "id", fromAt);
        if (authorId.equals(accountId)) {
            return; // the business replying under its own media
        }
        String prefix = Network.META_INSTAGRAM.prefix();
        String mediaId = requireText(requireObject(value, "media", at), "id", pointer(at, "media"));
        String parentId = optionalText(value, "parent_id", at);
        SocialAuthor author = new SocialAuthor(authorId, optionalText(from, "username", fromAt), null, null, null);
        messages.add(new SocialMessage(Network.META_INSTAGRAM, null, prefixed(prefix, requireText(value, "id", at)),
                prefixed(prefix, "media:" + mediaId), parentId == null ? null : prefixed(prefix, parentId), author,
                requireTextAllowingEmpty(value, "text", at), true, null, sentAt, null, at));
    }

    /** Messenger and Instagram direct messages share one documented shape. */
    private void readMessaging(JsonNode entry, String entryAt, Network network, List<SocialMessage> messages) {
        List<JsonNode> events = optionalArray(entry, "messaging", entryAt);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String at = pointer(pointer(entryAt, "messaging"), i);
            // Receipts, postbacks, reactions, edits and referrals have no "message"; none is a customer's words.
            JsonNode message = optionalObject(event, "message", at);
            if (message == null) {
                continue;
            }
            String messageAt = pointer(at, "message");
            if (flag(message, "is_echo") || flag(message, "is_deleted")) {
                continue; // our own outgoing message, or one the customer took back
            }
            String senderId = requireText(requireObject(event, "sender", at), "id", pointer(at, "sender"));
            String recipientId = requireText(requireObject(event, "recipient", at), "id", pointer(at, "recipient"));
            String prefix = network.prefix();
            JsonNode replyTo = optionalObject(message, "reply_to", messageAt);
            String replyToMid = replyTo == null ? null : optionalText(replyTo, "mid", pointer(messageAt, "reply_to"));
            messages.add(new SocialMessage(network, null, prefixed(prefix, requireText(message, "mid", messageAt)),
                    // page (or account) first, then the customer: one thread per customer per page
                    prefixed(prefix, recipientId + ":" + senderId),
                    replyToMid == null ? null : prefixed(prefix, replyToMid),
                    new SocialAuthor(senderId, null, null, null, null), directMessageText(message, messageAt), false,
                    null, requireEpochMillis(event, "timestamp", at), null, at));
        }
    }

    /** The text, or for an attachment-only message a placeholder naming the attachment types. */
    private static String directMessageText(JsonNode message, String at) {
        String text = optionalText(message, "text", at);
        if (text != null) {
            return text;
        }
        List<JsonNode> attachments = optionalArray(message, "attachments", at);
        if (attachments.isEmpty()) {
            throw new SocialWebhookException(at + " has neither text nor attachments");
        }
        return attachments.stream().map(a -> "[" + a.path("type").asText("attachment") + "]")
                .collect(Collectors.joining(" "));
    }

    private static String requireTextAllowingEmpty(JsonNode parent, String field, String at) {
        String text = optionalText(parent, field, at);
        if (text == null) {
            throw new SocialWebhookException(pointer(at, field) + " must be a string");
        }
        return text;
    }

    static String prefixed(String prefix, String id) {
        return prefix + ":" + id;
    }
}
