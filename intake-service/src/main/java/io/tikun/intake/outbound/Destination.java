package io.tikun.intake.outbound;

import java.time.Instant;
import java.util.List;

/** Where a customer message goes, resolved by the gateway from the complaint the customer wrote. */
public sealed interface Destination {

    /**
     * A mail in the customer's thread.
     *
     * @param to the customer's address
     * @param displayName the customer's name, or null
     * @param threadSubject the subject of the customer's thread, without any "Re:" and reference token
     * @param inReplyTo the Message-ID (without angle brackets) of the customer's last message, or null (web form)
     * @param references the thread's Message-IDs, oldest first (without angle brackets)
     */
    record Email(String to, String displayName, String threadSubject, String inReplyTo, List<String> references)
            implements
                Destination {
    }

    /**
     * A social network conversation, in the shape {@code social.replies} already describes.
     *
     * @param network fb, ig, messenger, igdm, wa, x, xdm, or a generic network's own name
     * @param publicPost true when the customer wrote a public comment or tweet: only a short notice with no personal
     *        data may go there; the substance goes privately
     * @param accountId our page, Instagram account, WhatsApp phone_number_id or X user, when known
     * @param recipientId the customer's id on the network
     * @param recipientHandle the customer's handle without "@", when known
     * @param replyToMessageId the network's id of the customer's last message (comment, tweet, mid, wamid)
     * @param conversationId the network's id of the conversation
     * @param customerLastWroteAt when the customer last wrote: WhatsApp allows free text only within 24 hours of it
     */
    record Social(String network, boolean publicPost, String accountId, String recipientId, String recipientHandle,
            String replyToMessageId, String conversationId, Instant customerLastWroteAt) implements Destination {
    }
}
