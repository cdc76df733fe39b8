package io.tikun.intake.social;

import static io.tikun.intake.social.JsonPayload.optionalArray;
import static io.tikun.intake.social.JsonPayload.optionalCount;
import static io.tikun.intake.social.JsonPayload.optionalObject;
import static io.tikun.intake.social.JsonPayload.optionalText;
import static io.tikun.intake.social.JsonPayload.pointer;
import static io.tikun.intake.social.JsonPayload.requireEpochMillis;
import static io.tikun.intake.social.JsonPayload.requireObject;
import static io.tikun.intake.social.JsonPayload.requireText;
import static io.tikun.intake.social.MetaWebhookParser.prefixed;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an X Account Activity API webhook body into the customer messages it carries: tweets that mention or
 * answer the subscribed account ({@code tweet_create_events}) and direct messages to it
 * ({@code direct_message_events}).
 * <p>
 * Ignored: anything the subscribed account ({@code for_user_id}) did itself, retweets (amplification, not words),
 * DM events other than {@code message_create}, and likes, follows, deletes, typing and read indicators. Call it only
 * with a body whose {@link XSignatureVerifier signature} was checked.
 */
@ApplicationScoped
public class XWebhookParser {

    /** X's v1.1 date format, e.g. "Wed Oct 10 20:19:24 +0000 2018"; English names whatever the server locale. */
    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH);
    private static final String MESSAGE_CREATE = "message_create";

    private final ObjectMapper mapper;

    public XWebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws SocialWebhookException when the body is not JSON or not in X's documented shape */
    public List<SocialMessage> parse(byte[] rawBody) {
        return read(rawBody).messages();
    }

    /**
     * The customer messages and our own public replies to customers, whose ids keep a customer's answer to them in
     * the complaint's thread.
     *
     * @throws SocialWebhookException when the body is not JSON or not in X's documented shape
     */
    public ParsedWebhook read(byte[] rawBody) {
        JsonNode root = JsonPayload.readObject(mapper, rawBody);
        String forUserId = requireText(root, "for_user_id", "");
        List<SocialMessage> messages = new ArrayList<>();
        List<OwnReply> ownReplies = new ArrayList<>();
        readTweets(root, forUserId, messages, ownReplies);
        readDirectMessages(root, forUserId, messages);
        return new ParsedWebhook(messages, ownReplies, forUserId);
    }

    private void readTweets(JsonNode root, String forUserId, List<SocialMessage> messages, List<OwnReply> ownReplies) {
        List<JsonNode> tweets = optionalArray(root, "tweet_create_events", "");
        for (int i = 0; i < tweets.size(); i++) {
            JsonNode tweet = tweets.get(i);
            String at = pointer("/tweet_create_events", i);
            JsonNode user = requireObject(tweet, "user", at);
            String userAt = pointer(at, "user");
            String userId = requireText(user, "id_str", userAt);
            if (userId.equals(forUserId)) {
                ownReply(tweet, forUserId, at).ifPresent(ownReplies::add);
                continue;
            }
            if (tweet.hasNonNull("retweeted_status")) {
                continue;
            }
            String prefix = Network.X.prefix();
            String id = requireText(tweet, "id_str", at);
            String inReplyTo = optionalText(tweet, "in_reply_to_status_id_str", at);
            String screenName = requireText(user, "screen_name", userAt);
            Long followers = optionalCount(user, "followers_count", userAt);
            SocialAuthor author = new SocialAuthor(userId, screenName, optionalText(user, "name", userAt), followers,
                    null);
            messages.add(new SocialMessage(Network.X, null, prefixed(prefix, id),
                    prefixed(prefix, conversationRoot(tweet, id, inReplyTo, at)),
                    inReplyTo == null ? null : prefixed(prefix, inReplyTo), author, tweetText(tweet, at), true,
                    followers, createdAt(tweet, at), "https://x.com/" + screenName + "/status/" + id, at));
        }
    }

    /** Our own tweet answering someone else's: its id joins that customer's thread. */
    private static Optional<OwnReply> ownReply(JsonNode tweet, String forUserId, String at) {
        String inReplyTo = optionalText(tweet, "in_reply_to_status_id_str", at);
        String customer = optionalText(tweet, "in_reply_to_user_id_str", at);
        if (inReplyTo == null || customer == null || customer.equals(forUserId)) {
            return Optional.empty();
        }
        String prefix = Network.X.prefix();
        return Optional.of(new OwnReply(prefixed(prefix, requireText(tweet, "id_str", at)), prefixed(prefix, inReplyTo),
                prefixed(prefix, customer)));
    }

    /**
     * The v1.1 payload has no conversation id unless X adds one; the tweet answered is the best thread key it
     * offers, and a tweet that answers nothing starts its own thread.
     */
    private static String conversationRoot(JsonNode tweet, String id, String inReplyTo, String at) {
        String conversation = optionalText(tweet, "conversation_id_str", at);
        if (conversation != null) {
            return conversation;
        }
        return inReplyTo != null ? inReplyTo : id;
    }

    /** Tweets over 140 characters arrive truncated, with the whole text in extended_tweet.full_text. */
    private static String tweetText(JsonNode tweet, String at) {
        JsonNode extended = optionalObject(tweet, "extended_tweet", at);
        if (extended != null) {
            return requireText(extended, "full_text", pointer(at, "extended_tweet"));
        }
        String fullText = optionalText(tweet, "full_text", at);
        return fullText != null ? fullText : requireText(tweet, "text", at);
    }

    private static Instant createdAt(JsonNode tweet, String at) {
        String createdAt = requireText(tweet, "created_at", at);
        try {
            return ZonedDateTime.parse(createdAt, CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            throw new SocialWebhookException(pointer(at, "created_at") + " is not in X's date format", e);
        }
    }

    private void readDirectMessages(JsonNode root, String forUserId, List<SocialMessage> messages) {
        JsonNode users = optionalObject(root, "users", "");
        List<JsonNode> events = optionalArray(root, "direct_message_events", "");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String at = pointer("/direct_message_events", i);
            if (!MESSAGE_CREATE.equals(optionalText(event, "type", at))) {
                continue;
            }
            JsonNode create = requireObject(event, MESSAGE_CREATE, at);
            String createAt = pointer(at, MESSAGE_CREATE);
            String senderId = requireText(create, "sender_id", createAt);
            if (senderId.equals(forUserId)) {
                continue; // our own reply, sent from X's app or another tool
            }
            String recipientId = requireText(requireObject(create, "target", createAt), "recipient_id",
                    pointer(createAt, "target"));
            String text = requireText(requireObject(create, "message_data", createAt), "text",
                    pointer(createAt, "message_data"));
            String prefix = Network.X_DIRECT_MESSAGE_PREFIX;
            messages.add(new SocialMessage(Network.X, null, prefixed(prefix, requireText(event, "id", at)),
                    prefixed(prefix, recipientId + ":" + senderId), null, dmSender(users, senderId), text, false, null,
                    requireEpochMillis(event, "created_timestamp", at), null, at));
        }
    }

    /** Sender details come from the payload's users map; without it we know only the id. */
    private static SocialAuthor dmSender(JsonNode users, String senderId) {
        JsonNode user = users == null ? null : optionalObject(users, senderId, "/users");
        if (user == null) {
            return new SocialAuthor(senderId, null, null, null, null);
        }
        String userAt = pointer("/users", senderId);
        return new SocialAuthor(senderId, optionalText(user, "screen_name", userAt), optionalText(user, "name", userAt),
                optionalCount(user, "followers_count", userAt), null);
    }
}
