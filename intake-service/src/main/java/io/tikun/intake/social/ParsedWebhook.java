package io.tikun.intake.social;

import java.util.List;

/**
 * What a verified webhook body carries: the customers' messages, our own public answers to them, and the account the
 * delivery is for ({@code account}; null when the network's format does not name one).
 */
public record ParsedWebhook(List<SocialMessage> messages, List<OwnReply> ownReplies, String account) {

    public ParsedWebhook {
        messages = List.copyOf(messages);
        ownReplies = List.copyOf(ownReplies);
    }

    static ParsedWebhook of(List<SocialMessage> messages) {
        return new ParsedWebhook(messages, List.of(), null);
    }
}
