package io.tikun.intake.social;

import static io.tikun.intake.social.JsonPayload.optionalCount;
import static io.tikun.intake.social.JsonPayload.optionalText;
import static io.tikun.intake.social.JsonPayload.pointer;
import static io.tikun.intake.social.JsonPayload.requireBoolean;
import static io.tikun.intake.social.JsonPayload.requireObject;
import static io.tikun.intake.social.JsonPayload.requireText;
import static io.tikun.intake.social.MetaWebhookParser.prefixed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Tikun's own signed-webhook format, for any network without a dedicated adapter. The contract, which is
 * given to whoever builds the bridge for that network:
 *
 * <pre>
 * POST (one message per request)
 * X-Tikun-Timestamp: 1763866800                          unix seconds when the request was signed
 * X-Tikun-Signature: sha256=&lt;hex&gt;                         lowercase hex HMAC-SHA256(secret, timestamp + "." + body)
 * Content-Type: application/json; charset=utf-8
 *
 * {
 *   "messageId": "7301",                                 required, unique within the network
 *   "conversationId": "thread-42",                       required, the thread it belongs to
 *   "inReplyTo": "7299",                                 optional, the messageId it answers
 *   "author": {
 *     "id": "u-981",                                     required
 *     "handle": "dana.levi",                             optional, without "@"
 *     "name": "Dana Levi",                               optional
 *     "followers": 1200                                  optional, non-negative whole number
 *   },
 *   "text": "...",                                       required, may be empty, sent as UTF-8
 *   "public": true,                                      required: can anyone read it?
 *   "url": "https://...",                                optional, link to the message
 *   "sentAt": "2026-11-23T03:00:00Z"                     required, ISO-8601 with an offset
 * }
 * </pre>
 *
 * The signature covers the exact body bytes and the timestamp, and timestamps more than five minutes from Tikun's
 * clock are refused (see {@link GenericSignatureVerifier}). Each network has its own secret
 * ({@code tikun.channels.webhook.secrets.<network>}). Network names are lowercase letters, digits and dashes and
 * must not be one of the built-in prefixes (fb, messenger, ig, igdm, wa, x, xdm), since they prefix the ids.
 */
@ApplicationScoped
public class GenericWebhookParser {

    /** Lowercase because the name becomes an id prefix and a config key; short because it is a label, not text. */
    static final Pattern NETWORK_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final ObjectMapper mapper;

    public GenericWebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param network the network's name, taken from the URL the bridge posts to
     * @throws IllegalArgumentException when the network name is not allowed
     * @throws SocialWebhookException when the body is not JSON or not in the format above
     */
    public List<SocialMessage> parse(String network, byte[] rawBody) {
        if (network == null || !NETWORK_NAME.matcher(network).matches() || Network.isReservedPrefix(network)) {
            throw new IllegalArgumentException("not an allowed generic network name: " + network);
        }
        JsonNode root = JsonPayload.readObject(mapper, rawBody);
        JsonNode author = requireObject(root, "author", "");
        String authorAt = pointer("", "author");
        String inReplyTo = optionalText(root, "inReplyTo", "");
        boolean isPublic = requireBoolean(root, "public", "");
        Long followers = optionalCount(author, "followers", authorAt);
        String text = optionalText(root, "text", "");
        if (text == null) {
            throw new SocialWebhookException("/text must be a string");
        }
        return List.of(new SocialMessage(Network.GENERIC, network,
                prefixed(network, requireText(root, "messageId", "")),
                prefixed(network, requireText(root, "conversationId", "")),
                inReplyTo == null || inReplyTo.isEmpty() ? null : prefixed(network, inReplyTo),
                new SocialAuthor(requireText(author, "id", authorAt), optionalText(author, "handle", authorAt),
                        optionalText(author, "name", authorAt), followers, null),
                text, isPublic, isPublic ? followers : null, sentAt(root), optionalText(root, "url", ""), ""));
    }

    private static Instant sentAt(JsonNode root) {
        String sentAt = requireText(root, "sentAt", "");
        try {
            // An offset is required: a local time would be read in whatever zone this server runs in.
            return OffsetDateTime.parse(sentAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new SocialWebhookException("/sentAt must be an ISO-8601 date-time with an offset, e.g. "
                    + "2026-11-23T03:00:00Z", e);
        }
    }
}
