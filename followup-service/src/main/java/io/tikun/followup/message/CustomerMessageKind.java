package io.tikun.followup.message;

/**
 * What a customer message is, as {@code customer.messages.requested} and {@code customer.messages.status} name it
 * (intake's schema). Follow-up requests {@link #FOLLOW_UP}, {@link #THANK_YOU} and {@link #SURVEY}; the others are
 * routing's, and appear here because the status topic carries them too.
 */
public enum CustomerMessageKind {
    AGENT_REPLY,
    EXPECTATION_SUMMARY,
    CALLBACK_SUMMARY,
    THANK_YOU,
    SURVEY,
    FOLLOW_UP
}
