package io.tikun.routing.conversation;

import io.tikun.routing.cases.MessageKind;

/**
 * The {@code kind} of a customer message in intake's contracts ({@code customer.messages.requested} and
 * {@code .status}); routing sends the first four, follow-up the others.
 */
public enum CustomerMessageKind {
    AGENT_REPLY,
    EXPECTATION_SUMMARY,
    CALLBACK_SUMMARY,
    THANK_YOU,
    SURVEY,
    FOLLOW_UP;

    /** The kind in the contract of a message routing sends. */
    public static CustomerMessageKind of(MessageKind kind) {
        return switch (kind) {
            case AGENT_REPLY -> AGENT_REPLY;
            case EXPECTATION_SUMMARY -> EXPECTATION_SUMMARY;
            case CALLBACK_SUMMARY -> CALLBACK_SUMMARY;
            case THANK_YOU -> THANK_YOU;
            default -> throw new IllegalArgumentException(kind + " is never sent to the customer");
        };
    }
}
