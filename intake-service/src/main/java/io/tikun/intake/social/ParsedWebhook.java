package io.tikun.intake.social;

import java.util.List;

/** What a verified webhook body carries: the customers' messages, and our own public answers to them. */
public record ParsedWebhook(List<SocialMessage> messages, List<OwnReply> ownReplies) {

    public ParsedWebhook {
        messages = List.copyOf(messages);
        ownReplies = List.copyOf(ownReplies);
    }

    static ParsedWebhook of(List<SocialMessage> messages) {
        return new ParsedWebhook(messages, List.of());
    }
}
