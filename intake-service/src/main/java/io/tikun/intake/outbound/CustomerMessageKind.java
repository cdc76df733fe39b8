package io.tikun.intake.outbound;

/** What a customer message is, as {@code customer.messages.requested} names it ({@code kind}). */
public enum CustomerMessageKind {
    AGENT_REPLY,
    EXPECTATION_SUMMARY,
    CALLBACK_SUMMARY,
    THANK_YOU,
    SURVEY,
    FOLLOW_UP
}
