package io.tikun.intake.events;

import java.time.Instant;

/**
 * {@code social.replies}, ce_type {@code tikun.social.reply-requested}: acknowledge a new complaint on the network the
 * customer wrote on. Intake holds no network credentials; whoever does (a connector) posts {@code text} where the
 * fields below say. Contract: {@code contracts/social.replies.schema.json}; key = customer id.
 *
 * @param network the network's id prefix: fb (page comment), ig (Instagram comment), messenger, igdm (Instagram direct
 *        message), wa (WhatsApp), x (tweet), xdm (X direct message), or a generic network's own name
 * @param visibility PUBLIC: answer under the customer's comment or tweet; PRIVATE: a direct message
 * @param accountId our page, Instagram account, WhatsApp phone_number_id or X user that received the message, when
 *        the payload names it
 * @param recipientId the customer's id on the network (PSID, IGSID, wa_id, X user id, comment author id)
 * @param recipientHandle the customer's handle without "@" when known (X screen name, Instagram username)
 * @param replyToMessageId the network's own id of the customer's message: the comment id to reply to, the tweet id
 *        for {@code in_reply_to_tweet_id}, the Messenger mid or WhatsApp wamid for context
 * @param conversationId the network's own id of the conversation (post, media, DM thread)
 * @param language ISO 639-1 code of {@code text}
 */
public record SocialReplyRequested(String complaintId, String reference, String customerId, String network,
        Visibility visibility, String accountId, String recipientId, String recipientHandle, String replyToMessageId,
        String conversationId, String language, String text, Instant requestedAt) {

    public static final String TYPE = "tikun.social.reply-requested";
    public static final String TOPIC = "social.replies";

    /** Where the answer is seen. */
    public enum Visibility {
        /** Under the customer's public comment or tweet: anyone can read it, so it carries no personal data. */
        PUBLIC,
        /** A direct message to the customer only. */
        PRIVATE
    }
}
