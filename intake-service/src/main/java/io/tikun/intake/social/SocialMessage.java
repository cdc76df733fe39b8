package io.tikun.intake.social;

import java.time.Instant;
import java.util.Objects;

/**
 * One customer message from a social network, normalized from whichever provider payload carried it.
 *
 * @param network the network; {@link Network#GENERIC} for networks posting in Tikun's own format
 * @param genericNetwork the generic network's name (e.g. "tiktok"), set only when network is GENERIC
 * @param providerMessageId globally unique id: the network prefix, a colon and the provider's id ("fb:123_456")
 * @param conversationId the thread the message belongs to, in the same prefixed form
 * @param inReplyToId the prefixed id of the message this one answers, or null
 * @param author who wrote it
 * @param text the text exactly as sent; non-text content is described by a bracketed placeholder
 * @param isPublic true for comments and tweets anyone can read, false for direct and WhatsApp messages
 * @param reach the author's follower count for public messages when the payload gives it, else null
 * @param sentAt when the network says the message was sent
 * @param url a link to the message when the network gives or implies one, else null
 * @param rawFragment JSON Pointer (RFC 6901) to the message inside the raw payload, so it can be traced back
 */
public record SocialMessage(Network network, String genericNetwork, String providerMessageId, String conversationId,
        String inReplyToId, SocialAuthor author, String text, boolean isPublic, Long reach, Instant sentAt, String url,
        String rawFragment) {

    public SocialMessage {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(rawFragment, "rawFragment");
        if ((network == Network.GENERIC) != (genericNetwork != null)) {
            throw new IllegalArgumentException("genericNetwork must be set exactly when network is GENERIC");
        }
    }

    /** The network's name for display and routing: the generic network's own name, else the enum constant. */
    public String networkName() {
        return network == Network.GENERIC ? genericNetwork : network.name();
    }
}
