package io.tikun.intake.social;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.response.Response;

/**
 * Provider webhook bodies in their documented shapes, built with fresh ids so tests sharing one database never meet,
 * and delivered signed the way Meta and X sign them (HMACs computed with the JDK, not the code under test).
 */
final class SocialPayloads {

    static final String META_SECRET = "test-meta-app-secret";
    static final String X_SECRET = "test-x-consumer-secret";
    static final String PAGE = "104938475610293";
    static final String X_ACCOUNT = "1460000000000000001";
    private static final String JSON = "application/json";

    private SocialPayloads() {
    }

    static String metaSignature(byte[] body) {
        return "sha256=" + SocialFixtures.hex(SocialFixtures.hmacSha256(META_SECRET, body));
    }

    static String xSignature(byte[] body) {
        return "sha256=" + Base64.getEncoder().encodeToString(SocialFixtures.hmacSha256(X_SECRET, body));
    }

    static Response deliverMeta(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().header(MetaSignatureVerifier.SIGNATURE_HEADER, metaSignature(body)).contentType(JSON).body(body)
                .post("/api/v1/channels/meta");
    }

    static Response deliverX(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().header(XSignatureVerifier.SIGNATURE_HEADER, xSignature(body)).contentType(JSON).body(body)
                .post("/api/v1/channels/x");
    }

    static String messenger(String psid, String mid, String text, long timestampMillis) {
        return """
                {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},
                 "recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s"}}]}]}"""
                .formatted(PAGE, timestampMillis, psid, PAGE, timestampMillis, mid, text);
    }

    static String instagramDm(String account, String igsid, String mid, String text) {
        return """
                {"object":"instagram","entry":[{"id":"%s","time":1763866805000,"messaging":[{"sender":{"id":"%s"},
                 "recipient":{"id":"%s"},"timestamp":1763866800789,"message":{"mid":"%s","text":"%s"}}]}]}"""
                .formatted(account, igsid, account, mid, text);
    }

    /** A Facebook page comment; {@code parentId} null for a comment on the post itself. */
    static String facebookComment(String postId, String commentId, String parentId, String authorId, String name,
            String text) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1763866805,"changes":[{"field":"feed","value":{
                 "from":{"id":"%s","name":"%s"},"message":"%s","post_id":"%s","comment_id":"%s",
                 "created_time":1763866800,"item":"comment","parent_id":"%s","verb":"add"}}]}]}"""
                .formatted(PAGE, authorId, name, text, postId, commentId, parentId == null ? postId : parentId);
    }

    static String whatsApp(String phoneNumberId, String from, String wamid, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                 "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Sara Haddad"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"1763866800","text":{"body":"%s"},"type":"text"}]}}]}]}"""
                .formatted(phoneNumberId, from, from, wamid, text);
    }

    /** A tweet by a customer; {@code inReplyTo} null for a plain mention. */
    static String tweet(String id, String inReplyTo, String userId, String screenName, String text) {
        return """
                {"for_user_id":"%s","tweet_create_events":[{"created_at":"Sun Nov 23 03:00:00 +0000 2025",
                 "id_str":"%s",%s"text":"%s","user":{"id_str":"%s","name":"Miri Katz","screen_name":"%s",
                 "followers_count":120}}]}"""
                .formatted(X_ACCOUNT, id, inReplyTo == null ? "" : "\"in_reply_to_status_id_str\":\"" + inReplyTo + "\",",
                        text, userId, screenName);
    }

    /** Our own account's public answer to a customer's tweet, as X echoes it to the webhook. */
    static String ourReply(String id, String inReplyTo, String customerId) {
        return """
                {"for_user_id":"%s","tweet_create_events":[{"created_at":"Sun Nov 23 03:05:00 +0000 2025",
                 "id_str":"%s","in_reply_to_status_id_str":"%s","in_reply_to_user_id_str":"%s",
                 "text":"@customer We are looking into it.","user":{"id_str":"%s","name":"Tikun Demo",
                 "screen_name":"TikunDemo","followers_count":1200}}]}"""
                .formatted(X_ACCOUNT, id, inReplyTo, customerId, X_ACCOUNT);
    }

    static String xDirectMessage(String eventId, String senderId, String text) {
        return """
                {"for_user_id":"%s","direct_message_events":[{"type":"message_create","id":"%s",
                 "created_timestamp":"1763866800321","message_create":{"target":{"recipient_id":"%s"},
                 "sender_id":"%s","message_data":{"text":"%s"}}}]}"""
                .formatted(X_ACCOUNT, eventId, X_ACCOUNT, senderId, text);
    }
}
