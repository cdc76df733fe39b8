package io.tikun.intake.social;

import java.util.List;

/**
 * The keys a social complaint's thread is found by. Each is scoped to the author's identity on the network, so someone
 * answering another customer's public comment opens a complaint of their own instead of writing into that customer's.
 */
final class SocialThreads {

    private static final String PREFIX = "social:";

    private SocialThreads() {
    }

    /** The network part of the customer's identity: the id prefix, or the generic network's own name. */
    static String network(SocialMessage m) {
        return m.network() == Network.GENERIC ? m.genericNetwork() : m.network().prefix();
    }

    /** The author's identity key, as customers are known ("x:88776655"). */
    static String identity(SocialMessage m) {
        return network(m) + ":" + m.author().id();
    }

    static String key(String identity, String prefixedId) {
        return PREFIX + identity + ">" + prefixedId;
    }

    /** Stored with each message of a thread: replies to the message, and the conversation, find it. */
    static List<String> keysOf(SocialMessage m) {
        return List.of(key(identity(m), m.providerMessageId()), conversationKey(m));
    }

    /** The key of the message this one answers, by the same author; null when it answers nothing. */
    static String replyKey(SocialMessage m) {
        return m.inReplyToId() == null ? null : key(identity(m), m.inReplyToId());
    }

    static String conversationKey(SocialMessage m) {
        return key(identity(m), m.conversationId());
    }
}
